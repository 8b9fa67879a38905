namespace GosApi.Sandbox.Epgu.Packages;

internal sealed record SignatureVerdict(bool Valid, string Reason)
{
    public static readonly SignatureVerdict Ok = new(true, "");
    public static SignatureVerdict Invalid(string reason) => new(false, reason);
}

/// <summary>
/// Checks the detached signature x.sig of file x (001: УКЭП, ГОСТ Р 34.10-2012): <see cref="GostSignatureVerifier"/>
/// (the default) verifies it against the sandbox test CA, <see cref="PresenceSignatureVerifier"/> only wants it non-empty
/// (<see cref="SandboxOptions.EpguVerifySignatures"/> = false). The reason of an invalid verdict becomes the message of
/// FILES_VERIFICATION_FAILED, so it names the file.
/// </summary>
internal interface ISignatureVerifier
{
    SignatureVerdict Verify(string fileName, Func<Stream> openContent, Func<Stream> openSignature, long signatureLength);
}

/// <summary>Accepts any non-empty signature file (<see cref="SandboxOptions.EpguVerifySignatures"/> = false).</summary>
internal sealed class PresenceSignatureVerifier : ISignatureVerifier
{
    public SignatureVerdict Verify(string fileName, Func<Stream> openContent, Func<Stream> openSignature, long signatureLength) =>
        signatureLength > 0 ? SignatureVerdict.Ok : SignatureVerdict.Invalid($"{fileName}.sig: empty: the detached signature file has no bytes");
}
