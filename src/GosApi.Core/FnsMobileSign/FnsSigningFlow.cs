using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;

namespace GosApi.FnsMobileSign
{
    /// <summary>What Invoke-FnsSigning should do after creating the workflow.</summary>
    public sealed class FnsSigningOptions
    {
        public bool Wait { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
        public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);
        /// <summary>Folder for every signed document and its .p7s (needs <see cref="Wait"/>).</summary>
        public string? Destination { get; set; }
        public bool Overwrite { get; set; }
    }

    /// <summary>
    /// The end-to-end signing flow: create the document-signing workflow (by client id, or by INN and phone), wait
    /// for its outcome, download every signed file and its signature; one result per document.
    /// </summary>
    public sealed class FnsSigningFlow
    {
        private readonly FnsClient client;

        public FnsSigningFlow(FnsClient client) { this.client = client; }

        /// <summary><paramref name="onCreated"/> learns the workflow as soon as it exists, so its id is never lost.</summary>
        public async Task<IReadOnlyList<FnsSignedDocument>> RunAsync(Func<CancellationToken, Task<FnsWorkflow>> create, FnsSigningOptions options,
            Action<FnsWorkflow>? onCreated = null, IProgress<FnsWorkflow>? progress = null, CancellationToken cancellationToken = default)
        {
            if (options.Destination != null && !options.Wait) new Validation.ValidationError("Destination", options.Destination, "needs -Wait: signed files exist only after the client signs").Throw();
            var workflow = await create(cancellationToken).ConfigureAwait(false);
            onCreated?.Invoke(workflow);
            try
            {
                if (options.Wait)
                {
                    var (final, timedOut) = await client.WaitAsync(workflow.Id, options.Timeout, options.PollingInterval, progress, cancellationToken).ConfigureAwait(false);
                    if (timedOut)
                        throw new GosApiException(GosApiService.FnsMobileSign, GosApiErrorKind.Timeout, $"workflow {workflow.Id} is still {final.StateName} after {options.Timeout.TotalSeconds:0} s")
                        {
                            ApiCode = "WaitTimeout",
                            EntityId = "workflow " + workflow.Id,
                            Hint = "Wait again with Wait-FnsWorkflow; the client may still sign.",
                        };
                    workflow = final;
                }
                var documents = workflow.State == FnsWorkflowState.Complete || workflow.Documents.Count == 0
                    ? await client.GetDocumentsAsync(workflow.Id, cancellationToken).ConfigureAwait(false)
                    : workflow.Documents;
                var results = new List<FnsSignedDocument>();
                foreach (var document in documents)
                    results.Add(await ResultAsync(workflow, document, options, cancellationToken).ConfigureAwait(false));
                return results;
            }
            catch (GosApiException ex) when (ex.EntityId == null)
            {
                throw ex.WithEntityId("workflow " + workflow.Id, $"Workflow {workflow.Id} was created (external_id {workflow.ExternalId}).");
            }
        }

        private async Task<FnsSignedDocument> ResultAsync(FnsWorkflow workflow, FnsDocument document, FnsSigningOptions options, CancellationToken cancellationToken)
        {
            var result = new FnsSignedDocument
            {
                WorkflowId = workflow.Id,
                ExternalId = workflow.ExternalId,
                State = workflow.State,
                ErrorMessage = workflow.ErrorMessage,
                DocumentId = document.Id,
                Title = document.Title,
                IsSigned = document.IsSigned,
            };
            if (options.Destination == null || workflow.State != FnsWorkflowState.Complete) return result;
            Directory.CreateDirectory(options.Destination);
            var name = SafeFileName(document.Title ?? ("document-" + document.Id));
            result.Path = await SaveAsync(document.Path, Path.Combine(options.Destination, name), options.Overwrite, cancellationToken).ConfigureAwait(false);
            if (document.IsSigned)
                result.SignaturePath = await SaveAsync(document.Signature, Path.Combine(options.Destination, name + ".p7s"), options.Overwrite, cancellationToken).ConfigureAwait(false);
            OperationScope.Verbose($"Saved {result.Path}" + (result.SignaturePath == null ? "." : " and " + result.SignaturePath + "."));
            return result;
        }

        private async Task<string?> SaveAsync(string? link, string target, bool overwrite, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(link)) return null;
            if (File.Exists(target) && !overwrite)
                throw new IOException($"{target} exists; add -Force to overwrite it.");
            await client.DownloadAsync(link!, target, cancellationToken).ConfigureAwait(false);
            return target;
        }

        /// <summary>The document's title as a file name (the service already replaced unsafe characters; path parts are dropped).</summary>
        public static string SafeFileName(string title) => IO.LocalFileName.From(title, "document");
    }
}
