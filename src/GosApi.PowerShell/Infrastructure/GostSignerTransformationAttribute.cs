using System;
using System.Management.Automation;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Lets -SignWith take a credential from Import-GostCertificate / New-GostSelfSignedCertificate, or any signer.</summary>
    public sealed class GostSignerTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case IGostSigner signer: return signer;
                case GostCredential credential: return new SoftwareGostSigner(credential);
                default:
                    throw new ArgumentTransformationMetadataException(
                        "SignWith: expected a credential (Import-GostCertificate, New-GostSelfSignedCertificate) or a signer (New-GostSigner), got " + (value?.GetType().Name ?? "nothing") + ".");
            }
        }
    }

    /// <summary>Lets -TrustedRoot take certificates, credentials or paths of certificate files (PEM or DER).</summary>
    public sealed class GostCertificatesTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var items = LanguagePrimitives.GetEnumerable(inputData) ?? new[] { inputData };
            var result = new System.Collections.Generic.List<GostCertificate>();
            foreach (var item in items)
            {
                var value = item is PSObject wrapped ? wrapped.BaseObject : item;
                switch (value)
                {
                    case GostCertificate certificate: result.Add(certificate); break;
                    case GostCredential credential: result.Add(credential.Certificate); break;
                    case System.Security.Cryptography.X509Certificates.X509Certificate x509: result.Add(GostCertificate.FromDer(x509.GetRawCertData())); break;
                    case System.IO.FileInfo file: result.AddRange(GostCertificate.LoadAll(System.IO.File.ReadAllBytes(file.FullName))); break;
                    case string path:
                        var full = engineIntrinsics.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                        result.AddRange(GostCertificate.LoadAll(System.IO.File.ReadAllBytes(full)));
                        break;
                    default:
                        throw new ArgumentTransformationMetadataException("TrustedRoot: expected certificates or certificate file paths, got " + (value?.GetType().Name ?? "nothing") + ".");
                }
            }
            return result.ToArray();
        }
    }
}
