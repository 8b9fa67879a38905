namespace GosApi.Sandbox.Epgu.Packages;

internal sealed record SignatureVerdict(bool Valid, string Reason)
{
    public static readonly SignatureVerdict Ok = new(true, "");
    public static SignatureVerdict Invalid(string reason) => new(false, reason);
}

/// <summary>
/// Checks the detached signature x.sig of file x (001: УКЭП, ГОСТ Р 34.10-2012).
/// Seam for real GOST CMS verification; the sandbox currently only requires a non-empty .sig.
/// </summary>
internal interface ISignatureVerifier
{
    SignatureVerdict Verify(string fileName, Func<Stream> openContent, Func<Stream> openSignature, long signatureLength);
}

/// <summary>Accepts any non-empty signature file.</summary>
internal sealed class PresenceSignatureVerifier : ISignatureVerifier
{
    public SignatureVerdict Verify(string fileName, Func<Stream> openContent, Func<Stream> openSignature, long signatureLength) =>
        signatureLength > 0 ? SignatureVerdict.Ok : SignatureVerdict.Invalid($"{fileName}.sig: detached signature file is empty");
}
