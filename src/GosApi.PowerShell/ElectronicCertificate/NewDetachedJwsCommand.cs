using System.Management.Automation;
using System.Security;
using GosApi.Jws;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>
    /// A detached JWS with an unencoded payload (RFC 7515 Appendix F, RFC 7797) over the RFC 8785 canonical form of a JSON
    /// body — the x-jws-signature of ИС «Электронный сертификат» (HS512 with the shared secret) — for checking by hand.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DetachedJws")]
    [OutputType(typeof(string))]
    public sealed class NewDetachedJwsCommand : ElectronicCertificateCmdlet
    {
        /// <summary>The request or response body (JSON); empty for requests without a body.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Body { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString SharedSecret { get; set; } = null!;

        /// <summary>HS512 (the service's fixed header) or HS256.</summary>
        [Parameter]
        [ValidateSet("HS512", "HS256")]
        public string Algorithm { get; set; } = "HS512";

        /// <summary>Sign the body's UTF-8 bytes as given instead of its RFC 8785 canonical form.</summary>
        [Parameter]
        public SwitchParameter NoCanonicalization { get; set; }

        protected override void ProcessRecord()
        {
            TryRun(() =>
            {
                var algorithm = Parse<JwsAlgorithm>(Algorithm);
                var payload = DetachedJwsProfile.Payload(Body, !NoCanonicalization);
                WriteObject(DetachedJws.Sign(payload, DetachedJwsProfile.Key(SharedSecret), algorithm, DetachedJwsProfile.Header(algorithm)));
            }, null);
        }
    }
}
