using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using GosApi.Crypto.Pki;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Gost
{
    /// <summary>
    /// Test certificates: a self-signed certificate or test CA (-CertificateAuthority), or a certificate issued by such a CA
    /// (-Issuer), with a new GOST key. For the sandbox, demos and Pester checks — not a substitute for a qualified УЦ.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "GostSelfSignedCertificate", SupportsShouldProcess = true)]
    [OutputType(typeof(GostCredential))]
    public sealed class NewGostSelfSignedCertificateCommand : GostSubjectCmdlet
    {
        /// <summary>Make a CA certificate (basicConstraints CA, keyCertSign) that can issue others.</summary>
        [Parameter]
        public SwitchParameter CertificateAuthority { get; set; }

        /// <summary>The CA credential that issues this certificate; without it the certificate is self-signed.</summary>
        [Parameter]
        [ValidateNotNull]
        public GostCredential? Issuer { get; set; }

        [Parameter]
        [ValidateRange(1, 36500)]
        public int ValidDays { get; set; } = 365;

        /// <summary>Also write the certificate and key to this PFX file, protected with -Password.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter]
        public SecureString? Password { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var path = Path == null ? null : GetUnresolvedProviderPathFromPSPath(Path);
            TryRun(() =>
            {
                var builder = new GostCertificateBuilder
                {
                    Subject = BuildSubject(),
                    ParameterSet = ParsedParameterSet,
                    IsCertificateAuthority = CertificateAuthority,
                    Validity = TimeSpan.FromDays(ValidDays),
                    IdentificationKind = ParsedIdentificationKind,
                    KeyUsage = ParsedKeyUsage,
                };
                foreach (var oid in ExtendedKeyUsage ?? new string[0]) builder.ExtendedKeyUsage.Add(oid);
                if (Issuer != null && !Issuer.Certificate.IsCa) new GosApi.Validation.ValidationError("Issuer", Issuer.Certificate.Subject, "is not a CA certificate (make one with -CertificateAuthority)").Throw();
                if (path != null && Password == null) new GosApi.Validation.ValidationError("Password", null, "is required with -Path (the PFX is always encrypted)").Throw();
                if (path != null && File.Exists(path) && !Force) new GosApi.Validation.ValidationError("Path", path, "already exists (use -Force to overwrite)").Throw();
                if (!ShouldProcess(builder.Subject.ToString(), Issuer == null ? "Create self-signed GOST certificate" : "Issue GOST test certificate")) return;

                var credential = Run(ct => System.Threading.Tasks.Task.Run(() => Issuer == null ? builder.CreateSelfSigned() : builder.Issue(Issuer), ct));
                if (path != null) GostFiles.WriteAtomically(path, GostPfx.Export(credential, Password!));
                WriteObject(credential);
            }, CommonName);
        }
    }
}
