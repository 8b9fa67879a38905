using System.Text.Json.Nodes;
using GosApi.Sandbox.FnsMobileSign.Crypto;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>Test hooks: forced outcomes and ready-made consumers.</summary>
internal sealed class FnsHooks(FnsPartnerRegistry registry, FnsWorkflowEngine engine, FnsCertificateIssuer issuer)
{
    /// <summary>The user refuses to sign: sign-rejected now, rejected 10 sandbox seconds later.</summary>
    public void RejectSigning(long workflowId) => With(workflowId, (account, workflow) =>
    {
        if (workflow.Type != FnsWorkflowType.DocumentSigning || workflow.State != FnsStates.WaitSignature)
            throw new InvalidOperationException($"workflow {workflowId} is {workflow.Wire} in state {workflow.State}, not document-signing in wait-signature");
        engine.Enter(account, workflow, FnsStates.SignRejected, engine.Now);
    });

    /// <summary>The workflow ends in error with this error_code and error_message.</summary>
    public void Fail(long workflowId, string errorCode, string message) => With(workflowId, (account, workflow) =>
    {
        if (FnsStates.IsFinal(workflow.State))
            throw new InvalidOperationException($"workflow {workflowId} is already {workflow.State}");
        workflow.ErrorCode = errorCode;
        workflow.ErrorMessage = message;
        engine.Enter(account, workflow, FnsStates.Error, engine.Now);
    });

    private void With(long workflowId, Action<FnsAccount, FnsWorkflow> action)
    {
        var account = registry.AccountOfWorkflow(workflowId) ?? throw new KeyNotFoundException($"no FNS workflow {workflowId}");
        lock (account.Gate)
        {
            engine.Advance(account);
            action(account, account.Workflows[workflowId]);
        }
    }

    /// <summary>
    /// An identified consumer of the partner with an issued, confirmed sign certificate (of a legal entity when
    /// <paramref name="legalEntityInns"/> are given: one certificate each), as if registration had run.
    /// </summary>
    public FnsConsumerInfo RegisterConsumer(string partnerUsername, string? inn, string? phone, string? snils, string lastName,
        string? ogrnip, IReadOnlyList<string>? legalEntityInns)
    {
        var account = registry.Accounts.FirstOrDefault(a => a.Partner.Username == partnerUsername)
            ?? throw new KeyNotFoundException($"no FNS partner '{partnerUsername}'");
        inn ??= FnsTestData.PersonInn();
        phone ??= FnsTestData.Phone();
        snils ??= FnsTestData.Snils();
        if (!Http.FnsFormats.PersonInn(inn)) throw new ArgumentException($"inn '{inn}' is not a valid 12-digit ИНН", nameof(inn));
        if (!Http.FnsFormats.Phone(phone)) throw new ArgumentException($"phone '{phone}' does not match ^7\\d{{10}}$", nameof(phone));
        if (!Http.FnsFormats.Snils(snils)) throw new ArgumentException($"snils '{snils}' is not a valid СНИЛС", nameof(snils));
        var now = engine.Now;
        var data = new JsonObject
        {
            ["last_name"] = lastName, ["first_name"] = "Иван", ["middle_name"] = "Иванович", ["gender"] = "М",
            ["birthed"] = "1990-01-01", ["snils"] = snils, ["inn"] = inn, ["phone"] = phone,
            ["addresses"] = new JsonArray(new JsonObject { ["type"] = "permanent", ["region"] = "77", ["city"] = "Москва" }),
            ["identities"] = new JsonArray(new JsonObject
            {
                ["type"] = "internal-passport", ["series"] = "4510", ["number"] = "123456", ["issue_code"] = "770-001",
                ["issued_by"] = "ОВД", ["issued"] = "2015-01-01",
            }),
        };
        var consumer = new FnsConsumer(Guid.NewGuid().ToString(), data, now) { State = "identified" };
        if (ogrnip is not null) consumer.Entrepreneur = new JsonObject { ["ogrnip"] = ogrnip };
        lock (account.Gate)
        {
            var auth = issuer.Request(consumer, "auth", null, null);
            auth.State = "issued";
            Add(account, consumer, auth);
            var inns = legalEntityInns is { Count: > 0 } ? legalEntityInns.Select(i => (string?)i).ToList() : [null];
            foreach (var legalInn in inns)
            {
                JsonObjectLegalEntity? legalEntity = null;
                if (legalInn is not null)
                {
                    if (!Http.FnsFormats.LegalEntityInn(legalInn)) throw new ArgumentException($"legal entity inn '{legalInn}' is not a valid 10-digit ИНН");
                    legalEntity = new JsonObjectLegalEntity(legalInn, $"ООО Тест {legalInn}", null);
                    consumer.LegalEntities.Add(new JsonObject { ["name"] = legalEntity.Name, ["inn"] = legalInn });
                }
                var sign = issuer.Request(consumer, "sign", legalEntity, ogrnip);
                sign.State = "issued";
                sign.IsConfirmed = true;
                Add(account, consumer, sign);
            }
            account.Consumers[consumer.Id] = consumer;
        }
        return new FnsConsumerInfo(consumer.Id, inn, phone, snils);
    }

    private static void Add(FnsAccount account, FnsConsumer consumer, FnsCertificate certificate)
    {
        consumer.Certificates.Add(certificate);
        account.Certificates[certificate.Id] = certificate;
    }
}

/// <summary>Valid random numbers for test consumers.</summary>
internal static class FnsTestData
{
    public static string PersonInn()
    {
        var digits = new int[12];
        digits[0] = 7; digits[1] = 7;
        for (var i = 2; i < 10; i++) digits[i] = Random.Shared.Next(10);
        int[] w11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8], w12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
        digits[10] = w11.Select((w, i) => w * digits[i]).Sum() % 11 % 10;
        digits[11] = w12.Select((w, i) => w * digits[i]).Sum() % 11 % 10;
        return string.Concat(digits);
    }

    public static string LegalEntityInn()
    {
        var digits = new int[10];
        digits[0] = 7; digits[1] = 7;
        for (var i = 2; i < 9; i++) digits[i] = Random.Shared.Next(10);
        int[] w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        digits[9] = w.Select((x, i) => x * digits[i]).Sum() % 11 % 10;
        return string.Concat(digits);
    }

    public static string Snils()
    {
        var body = Random.Shared.Next(2_000_000, 999_999_999).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (body[i] - '0') * (9 - i);
        var check = sum % 101;
        if (check == 100) check = 0;
        return body + check.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Phone() => "79" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}
