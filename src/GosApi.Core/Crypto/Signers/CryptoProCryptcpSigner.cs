using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Signers
{
    /// <summary>Settings of <see cref="CryptoProCryptcpSigner"/>.</summary>
    public sealed class CryptoProCryptcpOptions
    {
        /// <summary>cryptcp's path; default the CryptoPro install location of the OS (/opt/cprocsp/bin/amd64/cryptcp, or cryptcp.exe under Program Files).</summary>
        public string CryptcpPath { get; set; } = DefaultPath();

        /// <summary>Look the certificate up in the machine store (-mMy) instead of the user's (-uMy).</summary>
        public bool MachineStore { get; set; }

        /// <summary>The key container's PIN (-pin). cryptcp takes it only on the command line, where other local users may see it; leave null when the container has none or CSP caches it.</summary>
        public SecureString? Pin { get; set; }

        /// <summary>Let cryptcp build and check the certificate chain and revocation; false adds -nochain -norev (for machines without access to CRLs).</summary>
        public bool CheckChain { get; set; } = true;

        /// <summary>Longest time one cryptcp run may take; default 30 minutes.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

        internal static string DefaultPath()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                var programFiles = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles);
                return Path.Combine(programFiles, "Crypto Pro", "CSP", "cryptcp.exe");
            }
            return RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "/opt/cprocsp/bin/aarch64/cryptcp" : "/opt/cprocsp/bin/amd64/cryptcp";
        }
    }

    /// <summary>
    /// Signs with a key in a CryptoPro CSP container by running CryptoPro's <c>cryptcp -sign</c>.
    /// <b>Needs CryptoPro CSP and cryptcp installed and licensed</b>, with the certificate installed in the user's (or machine's)
    /// "My" store linked to its key container; nothing of CryptoPro ships with this module. The certificate is chosen by its
    /// SHA-1 thumbprint. Content that is not a file is first copied to a temporary file (streamed), as cryptcp reads files only.
    /// </summary>
    public sealed class CryptoProCryptcpSigner : IGostSigner
    {
        private readonly CryptoProCryptcpOptions options;

        /// <param name="certificate">The signer's certificate (export it from the store with certmgr if needed); its thumbprint selects the key.</param>
        /// <param name="options">Where cryptcp is, store, PIN.</param>
        public CryptoProCryptcpSigner(GostCertificate certificate, CryptoProCryptcpOptions? options = null)
        {
            Certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
            this.options = options ?? new CryptoProCryptcpOptions();
        }

        public GostCertificate Certificate { get; }

        /// <summary>
        /// The cryptcp command for one signature:
        /// <c>cryptcp -sign -thumbprint &lt;SHA-1&gt; -uMy [-detached] -der [-addsigtime] [-cadesbes] [-nocert|-chain] [-nochain -norev] [-pin ***] &lt;input&gt; &lt;output&gt;</c>.
        /// </summary>
        public ExternalCommand BuildCommand(string inputPath, string outputPath, bool detached, CmsSignatureOptions? signatureOptions = null)
        {
            if (string.IsNullOrEmpty(inputPath)) throw new ArgumentNullException(nameof(inputPath));
            if (string.IsNullOrEmpty(outputPath)) throw new ArgumentNullException(nameof(outputPath));
            var o = signatureOptions ?? new CmsSignatureOptions();
            var arguments = new List<string> { "-sign", "-thumbprint", Certificate.Thumbprint, options.MachineStore ? "-mMy" : "-uMy" };
            if (detached) arguments.Add("-detached");
            arguments.Add("-der");
            if (o.IncludeSigningTime) arguments.Add("-addsigtime");
            if (o.IncludeSigningCertificateV2) arguments.Add("-cadesbes");
            if (!o.IncludeCertificate) arguments.Add("-nocert");
            else if (o.IncludeChain) arguments.Add("-chain");
            if (!options.CheckChain)
            {
                arguments.Add("-nochain");
                arguments.Add("-norev");
            }
            var secret = new List<int>();
            if (options.Pin != null && options.Pin.Length > 0)
            {
                arguments.Add("-pin");
                var chars = Secrets.ToChars(options.Pin);
                try
                {
                    secret.Add(arguments.Count);
                    arguments.Add(new string(chars));
                }
                finally
                {
                    Secrets.Clear(chars);
                }
            }
            arguments.Add(inputPath);
            arguments.Add(outputPath);
            return new ExternalCommand(options.CryptcpPath, arguments, secret);
        }

        public Task<byte[]> SignDetachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default) =>
            SignAsync(content, true, options, cancellationToken);

        public Task<byte[]> SignAttachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default) =>
            SignAsync(content, false, options, cancellationToken);

        public override string ToString() => "CryptoPro cryptcp signer for " + Certificate;

        private async Task<byte[]> SignAsync(Stream content, bool detached, CmsSignatureOptions? signatureOptions, CancellationToken cancellationToken)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            var temp = OpenSslGostEnvironment.NewTempDirectory();
            try
            {
                string input;
                if (content is FileStream file && file.CanSeek && file.Position == 0)
                {
                    input = file.Name;
                }
                else
                {
                    input = Path.Combine(temp, "content.bin");
                    using (var copy = new FileStream(input, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                    {
                        await content.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
                    }
                }
                var output = Path.Combine(temp, "signature.sig");
                var command = BuildCommand(input, output, detached, signatureOptions);
                var result = await ExternalProcess.RunAsync(command, null, null, options.Timeout, cancellationToken).ConfigureAwait(false);
                if (result.ExitCode != 0 || !File.Exists(output))
                {
                    var message = (result.Error + " " + result.OutputText).Trim();
                    throw new GostCryptoException("cryptcp could not sign (exit code " + result.ExitCode + "): " + (message.Length > 500 ? message.Substring(0, 500) : message));
                }
                return File.ReadAllBytes(output);
            }
            finally
            {
                OpenSslGostEnvironment.DeleteDirectory(temp);
            }
        }
    }
}
