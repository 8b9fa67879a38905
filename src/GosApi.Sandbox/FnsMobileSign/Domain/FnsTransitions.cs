namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>
/// The timed part of each state machine: from a state, which state follows after how many sandbox seconds; null when
/// the workflow waits for someone (an agent, the partner) or is final. Start and validation pass at once unless
/// the consumer fails a simulated SMEV check (then validation lasts 5 s and ends in rejected).
/// </summary>
internal static class FnsTransitions
{
    public static readonly TimeSpan Pkcs10 = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan SecretKey = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Issue = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Receive = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Signing = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan SignRejection = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Decryption = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan SmevCheck = TimeSpan.FromSeconds(5);

    public static (string State, TimeSpan After)? Next(FnsWorkflow workflow)
    {
        var state = workflow.State;
        if (FnsStates.IsFinal(state)) return null;
        if (state == FnsStates.Start) return (FnsStates.Validation, TimeSpan.Zero);
        if (state == FnsStates.Validation)
        {
            if (workflow.Consumer.FailedCheck is not null && workflow.Type is FnsWorkflowType.Identification)
                return (FnsStates.Rejected, SmevCheck);
            return (FirstWaiting(workflow.Type), TimeSpan.Zero);
        }
        return workflow.Type switch
        {
            FnsWorkflowType.Identification => state switch
            {
                FnsStates.WaitPkcs10 => (FnsStates.WaitConsumerIdentification, Pkcs10),
                FnsStates.CertificateIssue => (FnsStates.Complete, Issue),
                _ => null,
            },
            FnsWorkflowType.CertificateIssuing => state switch
            {
                FnsStates.WaitPkcs10 => (FnsStates.WaitSecretKey, Pkcs10),
                FnsStates.WaitSecretKey => (FnsStates.CertificateIssue, SecretKey),
                FnsStates.CertificateIssue => (FnsStates.WaitScanUpload, Issue),
                _ => null,
            },
            FnsWorkflowType.DocumentSigning => state switch
            {
                FnsStates.WaitSignature => (FnsStates.Complete, Signing),
                FnsStates.SignRejected => (FnsStates.Rejected, SignRejection),
                _ => null,
            },
            FnsWorkflowType.FileDecryption => state == FnsStates.WaitDecryption ? (FnsStates.Complete, Decryption) : null,
            FnsWorkflowType.TlsCertificateReissuing => state switch
            {
                FnsStates.WaitPkcs10 => (FnsStates.WaitConsumerIdentification, Pkcs10),
                FnsStates.CertificateIssue => (FnsStates.WaitCertificateReceive, Issue),
                FnsStates.WaitCertificateReceive => (FnsStates.Complete, Receive),
                _ => null,
            },
            FnsWorkflowType.CertificateReissuing => state switch
            {
                FnsStates.WaitPkcs10 => (FnsStates.WaitSecretKey, Pkcs10),
                FnsStates.WaitSecretKey => (FnsStates.CertificateIssue, SecretKey),
                FnsStates.CertificateIssue => (FnsStates.WaitCertificateReceive, Issue),
                FnsStates.WaitCertificateReceive => (FnsStates.Complete, Receive),
                _ => null,
            },
            _ => null, // blank and external activity wait for the partner
        };
    }

    public static string FirstWaiting(FnsWorkflowType type) => type switch
    {
        FnsWorkflowType.Identification or FnsWorkflowType.CertificateIssuing or FnsWorkflowType.TlsCertificateReissuing
            or FnsWorkflowType.CertificateReissuing => FnsStates.WaitPkcs10,
        FnsWorkflowType.DocumentSigning => FnsStates.WaitSignature,
        FnsWorkflowType.Blank => FnsStates.Active,
        FnsWorkflowType.ExternalActivity => FnsStates.ProcessingExternalActivity,
        FnsWorkflowType.FileDecryption => FnsStates.WaitDecryption,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
