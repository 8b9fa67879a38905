using GosApi.Sandbox.FnsMobileSign.Callbacks;
using GosApi.Sandbox.FnsMobileSign.Crypto;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>
/// Moves workflows along <see cref="FnsTransitions"/> on the sandbox clock. States are computed lazily: every read
/// (and the background ticker) calls <see cref="Advance"/>, which enters each due state at the time it fell due, so
/// the outcome does not depend on when anyone looked. Call everything here under the account's gate.
/// </summary>
internal sealed class FnsWorkflowEngine(SandboxClock clock, FnsIds ids, FnsCertificateIssuer issuer, FnsCallbackQueue callbacks)
{
    public DateTimeOffset Now => clock.Now;

    public void Advance(FnsAccount account)
    {
        var now = clock.Now;
        bool moved;
        do
        {
            moved = false;
            foreach (var workflow in account.Workflows.Values.ToList())
                while (TryStep(account, workflow, now)) moved = true;
        } while (moved);
    }

    private bool TryStep(FnsAccount account, FnsWorkflow workflow, DateTimeOffset now)
    {
        if (workflow.Removed || FnsTransitions.Next(workflow) is not { } next) return false;
        var due = clock.After(workflow.StateSince, next.After);
        if (due > now) return false;
        Enter(account, workflow, next.State, due);
        return true;
    }

    /// <summary>Enters <paramref name="state"/> at <paramref name="at"/>, applies its effects and queues the callback.</summary>
    public void Enter(FnsAccount account, FnsWorkflow workflow, string state, DateTimeOffset at)
    {
        var previous = workflow.State;
        workflow.State = state;
        workflow.StateSince = at;
        workflow.Updated = at;
        workflow.History.Add((state, at));
        Apply(account, workflow, previous, state, at);
        if (workflow.Type == FnsWorkflowType.Identification && previous == FnsStates.WaitPkcs10 && state == FnsStates.WaitConsumerIdentification)
            Notify(workflow, FnsStates.Installed);
        if (FnsStates.IsFinal(state)) Notify(workflow, state);
    }

    private void Notify(FnsWorkflow workflow, string state)
    {
        if (workflow.Callback is { } url) callbacks.Enqueue(workflow.Id, url, FnsViews.Callback(workflow, state), clock.Now);
    }

    private void Apply(FnsAccount account, FnsWorkflow workflow, string previous, string state, DateTimeOffset at)
    {
        switch (workflow.Type, state)
        {
            case (FnsWorkflowType.Identification or FnsWorkflowType.TlsCertificateReissuing, FnsStates.WaitPkcs10):
                Attach(account, workflow, issuer.Request(workflow.Consumer, "auth", null, null));
                break;
            case (FnsWorkflowType.CertificateIssuing or FnsWorkflowType.CertificateReissuing, FnsStates.WaitPkcs10):
                Attach(account, workflow, issuer.Request(workflow.Consumer, "sign",
                    JsonObjectLegalEntity.From(workflow.LegalEntity), workflow.Entrepreneur?["ogrnip"]?.ToString()));
                break;
            case (_, FnsStates.WaitScanUpload):
            case (_, FnsStates.WaitCertificateReceive):
                if (workflow.Certificate is { } issued) issued.State = "issued";
                if (state == FnsStates.WaitScanUpload) AddScans(account, workflow, at);
                break;
            case (FnsWorkflowType.Identification, FnsStates.Complete):
                CompleteIdentification(account, workflow, at);
                break;
            case (FnsWorkflowType.CertificateIssuing or FnsWorkflowType.CertificateReissuing or FnsWorkflowType.TlsCertificateReissuing, FnsStates.Complete):
                if (workflow.Certificate is { } certificate)
                {
                    certificate.State = "issued";
                    certificate.IsConfirmed = certificate.Type == "sign";
                }
                workflow.Title = "Сертификат выпущен";
                break;
            case (FnsWorkflowType.DocumentSigning, FnsStates.Complete):
                SignDocuments(workflow, at);
                break;
            case (FnsWorkflowType.FileDecryption, FnsStates.Complete):
                foreach (var document in workflow.Documents)
                {
                    var decrypted = new FnsDocument(ids.Document(), DecryptedTitle(document.Title), document.Content, at);
                    workflow.DecryptedDocuments.Add(decrypted);
                    account.Documents[decrypted.Id] = decrypted;
                }
                break;
            case (FnsWorkflowType.Identification, FnsStates.Rejected) when previous == FnsStates.Validation:
                workflow.Consumer.State = "blocked";
                workflow.ErrorMessage = "Не пройдены проверки: " + workflow.Consumer.FailedCheck;
                break;
        }
    }

    private static void Attach(FnsAccount account, FnsWorkflow workflow, FnsCertificate certificate)
    {
        workflow.Certificate = certificate;
        workflow.Consumer.Certificates.Add(certificate);
        account.Certificates[certificate.Id] = certificate;
    }

    private void AddScans(FnsAccount account, FnsWorkflow workflow, DateTimeOffset at)
    {
        if (workflow.Scans.Count > 0) return;
        foreach (var (title, template) in new[] { ("Фотография клиента с подписанным сертификатом в руках", false), ("Скан подписанного сертификата КЭП ФЛ", true) })
        {
            var scan = new FnsScan(ids.Scan(), workflow.Id, "document-scan", title, null, template, at);
            workflow.Scans.Add(scan);
            account.Scans[scan.Id] = scan;
        }
    }

    private void CompleteIdentification(FnsAccount account, FnsWorkflow workflow, DateTimeOffset at)
    {
        var consumer = workflow.Consumer;
        if (workflow.Certificate is { } certificate) certificate.State = "issued";
        consumer.State = "identified";
        consumer.Updated = at;
        consumer.IdentificationPoint = workflow.IdentificationPoint;
        workflow.Title = "Идентификация завершена";
        var scenario = FnsScenarios.All[FnsScenarios.CertificateIssuingScenario];
        var child = new FnsWorkflow(ids.Workflow(), scenario, consumer, at)
        {
            Callback = workflow.Callback,
            ParentId = workflow.Id,
            LegalEntity = workflow.LegalEntity,
            Entrepreneur = workflow.Entrepreneur,
            Agent = workflow.Agent,
            IdentificationPoint = workflow.IdentificationPoint,
        };
        child.History.Add((FnsStates.Start, at));
        account.Workflows[child.Id] = child;
        workflow.ChildId = child.Id;
    }

    private static void SignDocuments(FnsWorkflow workflow, DateTimeOffset at)
    {
        var certificate = workflow.Certificate?.Issued
            ?? workflow.Consumer.SignCertificates.FirstOrDefault()?.Issued
            ?? throw new InvalidOperationException($"workflow {workflow.Id}: the consumer has no sign certificate");
        foreach (var document in workflow.Documents)
        {
            document.Signature = FnsCmsSigner.SignDetached(certificate, document.Content, at);
            document.SignatureName = FnsIds.SignatureName();
            document.IsViewed = true;
            document.Updated = at;
        }
        workflow.Title = "Документы успешно подписаны";
    }

    private static string DecryptedTitle(string title)
    {
        foreach (var extension in new[] { ".enc", ".p7m", ".p7e" })
            if (title.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && title.Length > extension.Length)
                return title[..^extension.Length];
        return title;
    }
}
