using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Cms;
using GosApi.Crypto.Pki;

namespace GosApi.Crypto.Signers
{
    /// <summary>Settings of <see cref="OpenSslGostSigner"/>.</summary>
    public sealed class OpenSslGostSignerOptions
    {
        /// <summary>The openssl program; default "openssl" from PATH.</summary>
        public string OpenSslPath { get; set; } = "openssl";

        /// <summary>An OpenSSL config that loads the gost engine, passed as OPENSSL_CONF. Null: a temporary one is written for each call.</summary>
        public string? ConfigPath { get; set; }

        /// <summary>gost.so for the temporary config. Null: found through <c>openssl version -e</c> (ENGINESDIR) or the usual places.</summary>
        public string? EnginePath { get; set; }

        /// <summary>
        /// Pass <c>-cades</c> so that openssl adds signingCertificateV2 (OpenSSL 3.2 and later only; 3.0 and 3.1 reject it).
        /// Without it openssl's signatures carry no signingCertificateV2, which ESIA requires.
        /// </summary>
        public bool UseCadesOption { get; set; }

        /// <summary>Longest time one openssl run may take; default 30 minutes.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
    }

    /// <summary>
    /// Signs by running <c>openssl cms -sign</c> with the gost engine (the key stays in its PEM file, which may be
    /// encrypted). Content from a <see cref="FileStream"/> at position 0 is passed by path; other streams are piped to
    /// openssl's stdin. openssl always adds signingTime (and, unless turned off here, no S/MIME capabilities);
    /// <see cref="CmsSignatureOptions.SigningTime"/> cannot be chosen and signingCertificateV2 needs
    /// <see cref="OpenSslGostSignerOptions.UseCadesOption"/> (OpenSSL ≥ 3.2).
    /// </summary>
    public sealed class OpenSslGostSigner : IGostSigner
    {
        internal const string PasswordVariable = "GOSAPI_OPENSSL_KEY_PASSWORD";

        private readonly string certificatePath;
        private readonly string keyPath;
        private readonly SecureString? keyPassword;
        private readonly OpenSslGostSignerOptions options;

        /// <param name="certificatePath">The signer's certificate, PEM.</param>
        /// <param name="privateKeyPath">The key, PEM (PKCS#8, optionally encrypted).</param>
        /// <param name="privateKeyPassword">The key's password, given to openssl through an environment variable of its process (never on the command line).</param>
        /// <param name="options">Where openssl and the engine are.</param>
        public OpenSslGostSigner(string certificatePath, string privateKeyPath, SecureString? privateKeyPassword = null, OpenSslGostSignerOptions? options = null)
        {
            if (string.IsNullOrEmpty(certificatePath)) throw new ArgumentNullException(nameof(certificatePath));
            if (string.IsNullOrEmpty(privateKeyPath)) throw new ArgumentNullException(nameof(privateKeyPath));
            this.certificatePath = Path.GetFullPath(certificatePath);
            keyPath = Path.GetFullPath(privateKeyPath);
            keyPassword = privateKeyPassword?.Copy();
            keyPassword?.MakeReadOnly();
            this.options = options ?? new OpenSslGostSignerOptions();
            Certificate = GostCertificate.Load(File.ReadAllBytes(this.certificatePath));
        }

        public GostCertificate Certificate { get; }

        public Task<byte[]> SignDetachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default) =>
            SignAsync(content, true, options ?? new CmsSignatureOptions(), cancellationToken);

        public Task<byte[]> SignAttachedAsync(Stream content, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default) =>
            SignAsync(content, false, options ?? new CmsSignatureOptions(), cancellationToken);

        /// <summary>A detached signature of a file; openssl reads the file itself.</summary>
        public async Task<byte[]> SignDetachedFileAsync(string path, CmsSignatureOptions? options = null, CancellationToken cancellationToken = default)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
            {
                return await SignDetachedAsync(stream, options, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The openssl command for one signature: <c>openssl cms -sign -engine gost -binary … -outform DER</c>; content from stdin when <paramref name="inputPath"/> is null.</summary>
        public ExternalCommand BuildCommand(string? inputPath, bool detached, CmsSignatureOptions? signatureOptions = null)
        {
            var o = signatureOptions ?? new CmsSignatureOptions();
            var digest = Certificate.KeySize == 512 ? "md_gost12_512" : "md_gost12_256";
            var arguments = new List<string> { "cms", "-sign", "-engine", "gost", "-binary", "-md", digest, "-signer", certificatePath, "-inkey", keyPath, "-keyform", "PEM", "-outform", "DER", "-nosmimecap" };
            if (!detached) arguments.Add("-nodetach");
            if (!o.IncludeCertificate) arguments.Add("-nocerts");
            if (this.options.UseCadesOption && o.IncludeSigningCertificateV2) arguments.Add("-cades");
            if (keyPassword != null)
            {
                arguments.Add("-passin");
                arguments.Add("env:" + PasswordVariable);
            }
            if (inputPath != null)
            {
                arguments.Add("-in");
                arguments.Add(inputPath);
            }
            return new ExternalCommand(this.options.OpenSslPath, arguments);
        }

        public override string ToString() => "openssl GOST signer for " + Certificate;

        private async Task<byte[]> SignAsync(Stream content, bool detached, CmsSignatureOptions signatureOptions, CancellationToken cancellationToken)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            string? inputPath = content is FileStream file && file.CanSeek && file.Position == 0 ? file.Name : null;
            var environment = new Dictionary<string, string>();
            string? temp = null;
            try
            {
                if (options.ConfigPath != null)
                {
                    environment["OPENSSL_CONF"] = options.ConfigPath;
                }
                else
                {
                    var engine = options.EnginePath ?? await OpenSslGostEnvironment.FindEngineAsync(options.OpenSslPath, cancellationToken).ConfigureAwait(false)
                        ?? throw new GostCryptoException(OpenSslGostEnvironment.MissingEngine);
                    temp = OpenSslGostEnvironment.NewTempDirectory();
                    environment["OPENSSL_CONF"] = OpenSslGostEnvironment.WriteConfig(engine, temp);
                }
                if (keyPassword != null)
                {
                    var chars = Secrets.ToChars(keyPassword);
                    try
                    {
                        environment[PasswordVariable] = new string(chars);
                    }
                    finally
                    {
                        Secrets.Clear(chars);
                    }
                }
                var command = BuildCommand(inputPath, detached, signatureOptions);
                var result = await ExternalProcess.RunAsync(command, environment, inputPath is null ? content : null, options.Timeout, cancellationToken).ConfigureAwait(false);
                if (result.ExitCode != 0 || result.Output.Length == 0)
                {
                    throw new GostCryptoException("openssl could not sign (exit code " + result.ExitCode + "): " + FirstLines(result.Error));
                }
                return result.Output;
            }
            finally
            {
                environment.Remove(PasswordVariable);
                if (temp != null) OpenSslGostEnvironment.DeleteDirectory(temp);
            }
        }

        private static string FirstLines(string text)
        {
            var lines = text.Replace("\r", string.Empty).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
            return lines.Length == 0 ? "(no message)" : string.Join(" | ", lines, 0, Math.Min(lines.Length, 4));
        }
    }
}
