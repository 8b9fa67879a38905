using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Reflection;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// The only place that touches modern-.NET TLS API from netstandard2.0 (Core must still load in Windows PowerShell
    /// 5.1): a SocketsHttpHandler whose SslOptions carry a CipherSuitesPolicy and a certificate callback, and
    /// SslStream.TargetHostName for that callback. Everything by reflection, looked up once.
    /// </summary>
    internal static class SocketsHandlerReflection
    {
        private static readonly Type? HandlerType = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", false);
        private static readonly Type? PolicyType = Type.GetType("System.Net.Security.CipherSuitesPolicy, System.Net.Security", false);
        private static readonly Type? SuiteType = Type.GetType("System.Net.Security.TlsCipherSuite, System.Net.Security", false);
        private static readonly PropertyInfo? TargetHostName = typeof(SslStream).GetProperty("TargetHostName", BindingFlags.Public | BindingFlags.Instance);

        /// <summary>True on .NET Core 3.0+ (PowerShell 7), where SocketsHttpHandler and CipherSuitesPolicy exist.</summary>
        internal static bool IsAvailable => HandlerType != null && PolicyType != null && SuiteType != null && HandlerType.GetProperty("SslOptions") != null;

        /// <summary>
        /// A SocketsHttpHandler offering exactly <paramref name="suites"/> (TLS code points, in order) and validating the
        /// server with <paramref name="validate"/>. No redirects, no cookies, gzip/deflate like the other handlers.
        /// </summary>
        /// <exception cref="PlatformNotSupportedException">This runtime or OS cannot restrict cipher suites (Windows, macOS, .NET Framework).</exception>
        internal static HttpMessageHandler Create(IReadOnlyList<int> suites, RemoteCertificateValidationCallback validate)
        {
            if (!IsAvailable) throw new PlatformNotSupportedException("This .NET has no SocketsHttpHandler with cipher suite policies (PowerShell 7 on Linux is needed).");
            var list = Array.CreateInstance(SuiteType!, suites.Count);
            for (var i = 0; i < suites.Count; i++) list.SetValue(Enum.ToObject(SuiteType!, suites[i]), i);
            object policy;
            try
            {
                policy = Activator.CreateInstance(PolicyType!, list)!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is PlatformNotSupportedException unsupported)
            {
                throw unsupported;
            }
            var handler = (HttpMessageHandler)Activator.CreateInstance(HandlerType!)!;
            try
            {
                Set(handler, "AllowAutoRedirect", false);
                Set(handler, "UseCookies", false);
                Set(handler, "AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate);
                var ssl = HandlerType!.GetProperty("SslOptions")!.GetValue(handler)!;
                Set(ssl, "CipherSuitesPolicy", policy);
                Set(ssl, "RemoteCertificateValidationCallback", validate);
                return handler;
            }
            catch
            {
                handler.Dispose();
                throw;
            }
        }

        /// <summary>The host name the client asked for (SNI and name check); null when this runtime does not tell.</summary>
        internal static string? TargetHost(object? sender) =>
            sender is SslStream stream && TargetHostName != null ? TargetHostName.GetValue(stream) as string : null;

        private static void Set(object target, string property, object value) =>
            (target.GetType().GetProperty(property) ?? throw new MissingMemberException(target.GetType().FullName, property)).SetValue(target, value);
    }
}
