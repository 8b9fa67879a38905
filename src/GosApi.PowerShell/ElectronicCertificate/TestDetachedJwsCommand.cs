using System.Management.Automation;
using System.Security;
using GosApi.Jws;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>Checks a detached JWS (e.g. a response's x-jws-signature) against its body and the shared secret.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "DetachedJws")]
    [OutputType(typeof(DetachedJwsCheck), typeof(bool))]
    public sealed class TestDetachedJwsCommand : ElectronicCertificateCmdlet
    {
        /// <summary>The JWS in compact detached form: header..signature.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Signature { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Body { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString SharedSecret { get; set; } = null!;

        /// <summary>Only this algorithm is accepted (the service uses HS512).</summary>
        [Parameter]
        [ValidateSet("HS512", "HS256")]
        public string Algorithm { get; set; } = "HS512";

        [Parameter]
        public SwitchParameter NoCanonicalization { get; set; }

        /// <summary>Return only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            TryRun(() =>
            {
                var key = DetachedJwsProfile.Key(SharedSecret);
                var valid = DetachedJws.Verify(Signature, DetachedJwsProfile.Payload(Body, !NoCanonicalization), key, Parse<JwsAlgorithm>(Algorithm), out var reason);
                if (Quiet) WriteObject(valid);
                else WriteObject(new DetachedJwsCheck(valid, valid ? null : reason, Algorithm));
            }, null);
        }
    }

    /// <summary>What Test-DetachedJws found.</summary>
    public sealed class DetachedJwsCheck
    {
        public DetachedJwsCheck(bool isValid, string? reason, string algorithm) { IsValid = isValid; Reason = reason; Algorithm = algorithm; }
        public bool IsValid { get; }
        public string? Reason { get; }
        public string Algorithm { get; }
        public override string ToString() => IsValid ? "valid" : "invalid: " + Reason;
    }
}
