using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Errors;
using GosApi.FnsMobileSign.Models;

namespace GosApi.FnsMobileSign
{
    /// <summary>Callbacks (seed 003, «Колбэки»): the POST bodies the service sends when a workflow changes state.</summary>
    public static class FnsCallbacks
    {
        /// <summary>A callback body as a workflow object (id, type, state, consumer, external_id, parent, child, error).</summary>
        public static FnsWorkflow Parse(string json)
        {
            if (string.IsNullOrWhiteSpace(json)) new Validation.ValidationError("InputObject", json, "is empty").Throw();
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object) root = wrapped;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out _) || !root.TryGetProperty("state", out _))
                    new Validation.ValidationError("InputObject", json, "is not a callback: it needs at least id and state").Throw();
                return FnsReader.Workflow(root);
            }
            catch (JsonException ex)
            {
                throw new Validation.InputValidationException(new Validation.ValidationError("InputObject", json, "is not JSON (" + ex.Message + ")"));
            }
        }
    }

    /// <summary>
    /// Receives callbacks on a local HTTP prefix (System.Net.HttpListener: .NET Framework 4.6.2+ and .NET on every
    /// OS). Each POST is answered 200 — the service retries anything else — and handed over as a workflow.
    /// </summary>
    public sealed class FnsCallbackListener : IDisposable
    {
        private readonly HttpListener listener = new HttpListener();

        public FnsCallbackListener(string prefix)
        {
            if (!HttpListener.IsSupported) throw new PlatformNotSupportedException("HttpListener is not supported on this platform.");
            if (!Uri.TryCreate(prefix, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !prefix.EndsWith("/", StringComparison.Ordinal))
                new Validation.ValidationError("Prefix", prefix, "must be an http prefix ending with /, such as http://localhost:8085/fns-callback/").Throw();
            Prefix = prefix;
            listener.Prefixes.Add(prefix);
            try { listener.Start(); }
            catch (HttpListenerException ex)
            {
                throw new GosApiException(GosApiService.FnsMobileSign, GosApiErrorKind.Transport, $"cannot listen on {prefix}: {ex.Message}", ex)
                {
                    Hint = "Use a free port; on Windows a prefix other than http://localhost:… needs a URL reservation (netsh http add urlacl) or an elevated session.",
                };
            }
        }

        public string Prefix { get; }

        /// <summary>The next callback, or null when <paramref name="cancellationToken"/> fires first. Bodies that are not callbacks are answered 400 and skipped.</summary>
        public async Task<FnsWorkflow?> ReceiveAsync(CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(() => { try { listener.Stop(); } catch (ObjectDisposedException) { } }))
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    HttpListenerContext context;
                    try { context = await listener.GetContextAsync().ConfigureAwait(false); }
                    catch (Exception) when (cancellationToken.IsCancellationRequested) { return null; }
                    catch (Exception ex) when (ex is HttpListenerException || ex is ArgumentException || ex is InvalidOperationException || ex is IOException)
                    {
                        await Task.Delay(20).ConfigureAwait(false); // a client that went away mid-request; keep listening
                        continue;
                    }
                    var workflow = await HandleAsync(context).ConfigureAwait(false);
                    if (workflow != null) return workflow;
                }
                return null;
            }
        }

        /// <summary>Answers one request: 200 and the workflow for a callback, 400 for anything else; null when it was not one.</summary>
        private static async Task<FnsWorkflow?> HandleAsync(HttpListenerContext context)
        {
            FnsWorkflow? workflow = null;
            try
            {
                string body;
                using (var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding ?? Encoding.UTF8)) body = await reader.ReadToEndAsync().ConfigureAwait(false);
                if (string.Equals(context.Request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    try { workflow = FnsCallbacks.Parse(body); }
                    catch (ArgumentException) { }
                }
                context.Response.StatusCode = workflow == null ? 400 : 200;
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is IOException || ex is ObjectDisposedException)
            {
                // The caller hung up before the answer; a callback it sent is still taken (the service retries otherwise).
            }
            return workflow;
        }

        public void Dispose() => listener.Close();
    }
}
