using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>A sandbox with a registered ФНС partner and an engine connected to it (fast clock: workflows move in well under a second).</summary>
public sealed class FnsAccountFixture : SandboxFixture
{
    public FnsPartner Partner { get; private set; } = null!;
    public TestFiles Files { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Partner = Sandbox.RegisterFnsPartner();
        ConnectFns();
    }

    public void ConnectFns() =>
        Engine.Invoke("Connect-FnsMobileSign -BaseUri $u -Credential (New-Object pscredential($user, (ConvertTo-SecureString $pass -AsPlainText -Force))) | Out-Null",
            new Dictionary<string, object> { ["u"] = Sandbox.BaseUri, ["user"] = Partner.Username, ["pass"] = Partner.Password }).AssertSuccess();

    public HostedResult Run(string script, Dictionary<string, object>? variables = null) => Engine.Invoke(script, variables);

    /// <summary>Requests to the partner API so far (to show that a command sent nothing).</summary>
    public int ApiRequests => Sandbox.Requests.Count(r => r.Path.StartsWith("/api/rb/", StringComparison.Ordinal));
}

public sealed class FnsAccountCmdletTests : IClassFixture<FnsAccountFixture>
{
    private const string ValidSnils = "11223344595";
    private const string ValidInn = "770708389324";
    private const string AgentType = "GosApi.FnsMobileSign.Models.FnsAgent";
    private const string SlotType = "GosApi.FnsMobileSign.Models.FnsUploadSlot";
    private readonly FnsAccountFixture fx;

    public FnsAccountCmdletTests(FnsAccountFixture fx) => this.fx = fx;

    private static string NewName() => "agent_" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid SNILS that no other agent of the partner has (an active account's SNILS must be unique).</summary>
    private static string NewSnils()
    {
        while (true)
        {
            var digits = RandomNumberGenerator.GetInt32(2_000_000, 999_999_999).ToString("D9");
            var sum = 0;
            for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (9 - i);
            var check = sum < 100 ? sum : sum % 101 == 100 ? 0 : sum % 101;
            return digits + check.ToString("D2");
        }
    }

    private string NewAgentScript(string extra = "") =>
        "New-FnsAgent -Username $name -Password (ConvertTo-SecureString $secret -AsPlainText -Force) -LastName Иванов -FirstName Иван -MiddleName Иванович " +
        "-Phone '+7 (901) 234-56-78' -UnstructuredIdentity '4500 023456 Выдан ОВД 12.05.2011' -Snils $snils -Position оператор -Company 1 " +
        "-Permission consumer_identify -IdentificationPoint 4, 1 " + extra;

    [Fact]
    public void Find_FnsConsumer_finds_a_registered_client_by_name_and_any_spelling_of_the_phone()
    {
        var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username, lastName: "Найденов");
        var phone = "+7 (" + client.Phone.Substring(1, 3) + ") " + client.Phone.Substring(4, 3) + "-" + client.Phone.Substring(7, 2) + "-" + client.Phone.Substring(9);
        var result = fx.Run("Find-FnsConsumer -LastName Найденов -FirstName Иван -MiddleName Иванович -Phone $phone -Snils $snils",
            new() { ["phone"] = phone, ["snils"] = client.Snils }).AssertSuccess();
        var consumer = Assert.Single(result.Output);
        Assert.Equal(client.Id, consumer.Get<string>("Id"));
        Assert.Equal("identified", consumer.Get<string>("State"));
        Assert.True(consumer.Get<bool>("CanSign"));

        var none = fx.Run("Find-FnsConsumer Найденов Пётр Иванович -Phone $p -Verbose", new() { ["p"] = client.Phone }).AssertSuccess();
        Assert.Empty(none.Output);
        Assert.Contains(none.Verbose, v => v.Contains("No client"));
    }

    [Theory]
    [InlineData("-Snils 11223344590", "Snils")]
    [InlineData("-Inn 770708389325", "Inn")]
    [InlineData("-PassportSeries 45 -PassportNumber 123456", "Passport.Series")]
    public void Find_FnsConsumer_rejects_bad_fields_before_any_request(string extra, string field)
    {
        var before = fx.ApiRequests;
        var result = fx.Run("Find-FnsConsumer Иванов Иван Иванович -Phone 79001234567 " + extra);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("FnsMobileSign.InvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(field, error.ToString());
        Assert.Equal(before, fx.ApiRequests);
    }

    [Fact]
    public void Find_FnsConsumer_rejects_a_bad_phone_and_a_missing_middle_name_without_sending()
    {
        var before = fx.ApiRequests;
        var phone = fx.Run("Find-FnsConsumer Иванов Иван Иванович -Phone 12345");
        Assert.Contains("Phone", Assert.Single(phone.AllErrors).ToString());
        var middle = fx.Run("Find-FnsConsumer Иванов Иван -Phone 79001234567");
        Assert.Contains("NoMiddleName", Assert.Single(middle.AllErrors).ToString());
        Assert.Empty(fx.Run("Find-FnsConsumer Smith John -NoMiddleName -Phone 79001234567").AssertSuccess().Output);
        Assert.Equal(before + 1, fx.ApiRequests);
    }

    [Fact]
    public void Agents_are_created_listed_changed_blocked_and_unblocked_and_the_password_never_shows()
    {
        var name = NewName();
        const string secret = "Very$ecret-Agent-Passw0rd";
        var vars = new Dictionary<string, object> { ["name"] = name, ["secret"] = secret, ["snils"] = NewSnils() };

        var created = fx.Run(NewAgentScript("-Verbose") + " | Format-List * | Out-String", vars).AssertSuccess();
        Assert.DoesNotContain(secret, created.Everything());
        var agent = fx.Run(NewAgentScript().Replace("New-FnsAgent -Username $name", "New-FnsAgent -Username ($name + '2')"),
            new Dictionary<string, object>(vars) { ["snils"] = NewSnils() }).AssertSuccess();
        var single = agent.Single(AgentType);
        Assert.Equal("79012345678", single.Get<string>("Phone"));
        Assert.True(single.Get<bool>("IsActive"));
        Assert.True(single.Get<bool>("HasToken"));
        Assert.DoesNotContain(secret, agent.Everything());

        var listed = fx.Run("Get-FnsAgent -Username $pattern", new() { ["pattern"] = name.ToUpperInvariant() + "*" }).AssertSuccess();
        Assert.Equal(2, listed.Output.OfType(AgentType).Count);
        var id = LanguagePrimitivesLong(fx.Run("(Get-FnsAgent -Username $n).Id", new() { ["n"] = name }).AssertSuccess().Output.Single());
        Assert.Single(fx.Run("Get-FnsAgent -Id $id", new() { ["id"] = id }).AssertSuccess().Output);

        var changed = fx.Run("Get-FnsAgent -Username $n | Set-FnsAgent -Position 'старший оператор' -Password (ConvertTo-SecureString 'An0ther$ecret' -AsPlainText -Force)",
            new() { ["n"] = name }).AssertSuccess();
        Assert.DoesNotContain("An0ther$ecret", changed.Everything());
        var blocked = fx.Run("Set-FnsAgent -Id $id -Disable -Confirm:$false", new() { ["id"] = id }).AssertSuccess().Single(AgentType);
        Assert.False(blocked.Get<bool>("IsActive"));
        Assert.False(fx.Run("Get-FnsAgent -Id $id", new() { ["id"] = id }).AssertSuccess().Single(AgentType).Get<bool>("IsActive"));
        var unblocked = fx.Run("Set-FnsAgent -Id $id -Enable", new() { ["id"] = id }).AssertSuccess().Single(AgentType);
        Assert.True(unblocked.Get<bool>("IsActive"));
    }

    private static long LanguagePrimitivesLong(System.Management.Automation.PSObject o) => System.Management.Automation.LanguagePrimitives.ConvertTo<long>(o.BaseObject);

    [Fact]
    public void Blocking_an_agent_asks_for_confirmation_like_a_high_impact_cmdlet()
    {
        var before = fx.ApiRequests;
        var result = fx.Run("Set-FnsAgent -Id 1 -Disable");
        Assert.NotNull(result.Terminating ?? (object?)result.Errors.FirstOrDefault());
        Assert.Equal(before, fx.ApiRequests);
        Assert.Empty(fx.Run("$ConfirmPreference = 'None'; Set-FnsAgent -Id 987654 -Disable -WhatIf").AssertSuccess().Output);
        Assert.Equal(before, fx.ApiRequests);
    }

    [Fact]
    public void Get_FnsAgent_reports_exact_names_and_ids_not_found_but_not_unmatched_wildcards()
    {
        var result = fx.Run("Get-FnsAgent -Username nobody_here_at_all, 'zz_nobody*'; Get-FnsAgent -Id 99999999");
        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("FnsMobileSign.AgentNotFound", e.FullyQualifiedErrorId));
    }

    [Fact]
    public void Get_FnsAgent_ends_cleanly_when_the_pipeline_stops_early()
    {
        for (var i = 0; i < 3; i++)
            fx.Run(NewAgentScript(), new() { ["name"] = NewName(), ["secret"] = "pw-" + i, ["snils"] = NewSnils() }).AssertSuccess();
        var result = fx.Run("Get-FnsAgent | Select-Object -First 1").AssertSuccess();
        Assert.Single(result.Output);
    }

    [Fact]
    public void New_FnsAgent_checks_fields_before_sending_and_WhatIf_sends_nothing()
    {
        var before = fx.ApiRequests;
        var badSnils = fx.Run(NewAgentScript(), new() { ["name"] = NewName(), ["secret"] = "s3cret-value", ["snils"] = "11223344590" });
        Assert.Contains("Snils", Assert.Single(badSnils.AllErrors).ToString());
        var badPhone = fx.Run(NewAgentScript().Replace("'+7 (901) 234-56-78'", "'12-34'"), new() { ["name"] = NewName(), ["secret"] = "s3cret-value", ["snils"] = NewSnils() });
        var phoneError = Assert.Single(badPhone.AllErrors);
        Assert.Contains("Phone", phoneError.ToString());
        Assert.DoesNotContain("s3cret-value", badPhone.Everything() + badSnils.Everything());
        var whatIf = fx.Run(NewAgentScript("-WhatIf"), new() { ["name"] = NewName(), ["secret"] = "s3cret-value", ["snils"] = NewSnils() }).AssertSuccess();
        Assert.Empty(whatIf.Output);
        Assert.Equal(before, fx.ApiRequests);
    }

    [Fact]
    public void Push_notifications_go_to_the_client_of_a_piped_consumer_and_WhatIf_sends_nothing()
    {
        var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username, lastName: "Уведомляев");
        var before = fx.ApiRequests;
        fx.Run("Send-FnsPushNotification -ConsumerId $id -Title 'Документы ожидают подписи' -Message 'Подписать ->' -WhatIf", new() { ["id"] = client.Id }).AssertSuccess();
        Assert.Equal(before, fx.ApiRequests);

        fx.Run("Find-FnsConsumer Уведомляев Иван Иванович -Phone $p | Send-FnsPushNotification -Title 'Документы ожидают подписи' -Message 'Подписать ->'",
            new() { ["p"] = client.Phone }).AssertSuccess();
        Assert.Contains(fx.Sandbox.Requests, r => r.Method == "POST" && r.Path == $"/api/rb/consumer/{client.Id}/push_notification/" && r.StatusCode == 200);

        var bad = fx.Run("Send-FnsPushNotification -ConsumerId not-a-uuid -Title t -Message m");
        Assert.StartsWith("FnsMobileSign.InvalidArgument", Assert.Single(bad.AllErrors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Revoke_FnsCertificate_sends_the_xml_and_writes_the_status()
    {
        var xml = Path.Combine(fx.Files.Root, "revoke-" + Guid.NewGuid().ToString("N")[..6] + ".xml");
        File.WriteAllText(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Заявление><Серийный>01AB</Серийный></Заявление>\n", new UTF8Encoding(false));
        var before = fx.ApiRequests;
        fx.Run("Revoke-FnsCertificate -Path $p -WhatIf", new() { ["p"] = xml }).AssertSuccess();
        Assert.Equal(before, fx.ApiRequests);
        var result = fx.Run("Get-Item $p | Revoke-FnsCertificate -Confirm:$false", new() { ["p"] = xml }).AssertSuccess();
        Assert.Equal("accepted", Assert.Single(result.Output).BaseObject);

        var notXml = Path.Combine(fx.Files.Root, "not.xml");
        File.WriteAllText(notXml, "<open>");
        var bad = fx.Run("Revoke-FnsCertificate -Path $p -Confirm:$false", new() { ["p"] = notXml });
        Assert.StartsWith("FnsMobileSign.InvalidArgument", Assert.Single(bad.AllErrors).FullyQualifiedErrorId);
        Assert.Equal(before + 1, fx.ApiRequests);
    }

    [Fact]
    public void Confirmation_documents_of_a_registration_are_listed_and_uploaded()
    {
        var workflowId = NewIdentification();
        var slots = fx.Run("Get-FnsWorkflow -Id $id | Get-FnsConfirmationDocument", new() { ["id"] = workflowId }).AssertSuccess().Output.OfType(SlotType);
        var slot = Assert.Single(slots);
        Assert.Equal("Скан паспорта", slot.Get<string>("DocumentTitle"));
        Assert.False(slot.Get<bool>("IsReceived"));

        var scan = Path.Combine(fx.Files.Root, "паспорт (2,3) №1.pdf");
        File.WriteAllBytes(scan, Encoding.ASCII.GetBytes("%PDF-1.4 passport scan"));
        var before = fx.ApiRequests;
        fx.Run("Get-FnsConfirmationDocument $id | Send-FnsConfirmationDocument -Path $p -WhatIf", new() { ["id"] = workflowId, ["p"] = scan }).AssertSuccess();
        Assert.Equal(before + 1, fx.ApiRequests); // the listing only
        var uploaded = fx.Run("Get-FnsConfirmationDocument $id | Send-FnsConfirmationDocument -Path $p", new() { ["id"] = workflowId, ["p"] = scan })
            .AssertSuccess().Single(SlotType);
        Assert.Equal("паспорт (2_3) _1.pdf", uploaded.Get<string>("Title"));
        Assert.True(fx.Run("Get-FnsConfirmationDocument -WorkflowId $id", new() { ["id"] = workflowId }).AssertSuccess().Single(SlotType).Get<bool>("IsReceived"));

        var missing = fx.Run("Send-FnsConfirmationDocument -Id 1 -Path $p", new() { ["p"] = Path.Combine(fx.Files.Root, "absent.pdf") });
        Assert.StartsWith("FnsMobileSign.FileNotFound", Assert.Single(missing.AllErrors).FullyQualifiedErrorId);
    }

    [Fact]
    public void A_certificate_issuing_takes_its_scans_and_the_certificate_in_DER_or_PEM()
    {
        var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username, lastName: "Выпусков");
        var workflowId = LanguagePrimitivesLong(fx.Run("(New-FnsWorkflow -Type CertificateIssuing -ConsumerId $c).Id", new() { ["c"] = client.Id }).AssertSuccess().Output.Single());
        var scans = new List<System.Management.Automation.PSObject>();
        for (var i = 0; i < 100 && scans.Count == 0; i++)
        {
            Thread.Sleep(50);
            scans = fx.Run("Get-FnsDocumentScan -WorkflowId $id", new() { ["id"] = workflowId }).AssertSuccess().Output.OfType(SlotType);
        }
        Assert.Equal(2, scans.Count);

        var photo = Path.Combine(fx.Files.Root, "photo.jpg");
        File.WriteAllBytes(photo, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
        var uploaded = fx.Run("Get-FnsDocumentScan $id | Send-FnsDocumentScan -Path $p -Title 'Фото клиента.jpg'", new() { ["id"] = workflowId, ["p"] = photo })
            .AssertSuccess().Output.OfType(SlotType);
        Assert.Equal(2, uploaded.Count);
        Assert.All(fx.Run("Get-FnsDocumentScan $id", new() { ["id"] = workflowId }).AssertSuccess().Output.OfType(SlotType), s => Assert.True(s.Get<bool>("IsReceived")));

        using var key = RSA.Create(2048);
        var certificate = new CertificateRequest("CN=Выпусков Иван", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var der = Path.Combine(fx.Files.Root, "issued.cer");
        File.WriteAllBytes(der, certificate.RawData);
        var pem = Path.Combine(fx.Files.Root, "issued.pem");
        File.WriteAllText(pem, "Bag Attributes\n" + certificate.ExportCertificatePem() + "\n");

        var before = fx.ApiRequests;
        fx.Run("Set-FnsWorkflowCertificate -WorkflowId $id -Path $p -WhatIf", new() { ["id"] = workflowId, ["p"] = der }).AssertSuccess();
        Assert.Equal(before, fx.ApiRequests);
        Assert.Empty(fx.Run("Set-FnsWorkflowCertificate -WorkflowId $id -Path $p", new() { ["id"] = workflowId, ["p"] = der }).AssertSuccess().Output);
        var workflow = fx.Run("Get-FnsWorkflow -Id $id | Set-FnsWorkflowCertificate -Path $p -PassThru", new() { ["id"] = workflowId, ["p"] = pem }).AssertSuccess();
        Assert.Equal(workflowId, Assert.Single(workflow.Output).Get<long>("Id"));
        Assert.Equal(2, fx.Sandbox.Requests.Count(r => r.Method == "PUT" && r.Path == $"/api/rb/workflow/{workflowId}/certificate" && r.StatusCode == 204));

        var notACertificate = Path.Combine(fx.Files.Root, "garbage.cer");
        File.WriteAllText(notACertificate, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        var bad = fx.Run("Set-FnsWorkflowCertificate -WorkflowId $id -Path $p", new() { ["id"] = workflowId, ["p"] = notACertificate });
        Assert.Single(bad.AllErrors);
    }

    [Fact]
    public void Merge_FnsSignature_merges_service_links_and_files_into_one_CMS_with_every_signer()
    {
        var document = Path.Combine(fx.Files.Root, "contract-" + Guid.NewGuid().ToString("N")[..6] + ".pdf");
        File.WriteAllBytes(document, Encoding.ASCII.GetBytes("%PDF-1.4 the same contract for both signers"));
        var signed = new List<(long Workflow, string? SignaturePath)>();
        foreach (var lastName in new[] { "Первов", "Второв" })
        {
            var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username, lastName: lastName);
            var folder = Path.Combine(fx.Files.Root, lastName);
            var result = fx.Run("Invoke-FnsSigning -Path $d -ConsumerId $c -Wait -PollingIntervalSec 1 -Destination $f",
                new() { ["d"] = document, ["c"] = client.Id, ["f"] = folder }).AssertSuccess();
            var item = Assert.Single(result.Output);
            signed.Add((item.Get<long>("WorkflowId"), item.Get<string?>("SignaturePath")));
        }

        var destination = Path.Combine(fx.Files.Root, "merged.p7s");
        var before = fx.ApiRequests;
        fx.Run("Merge-FnsSignature -Path $a, $b -Destination $d -WhatIf", new() { ["a"] = signed[0].SignaturePath!, ["b"] = signed[1].SignaturePath!, ["d"] = destination }).AssertSuccess();
        Assert.Equal(before, fx.ApiRequests);
        Assert.False(File.Exists(destination));

        var fromFiles = fx.Run("Merge-FnsSignature -Path $a, $b -Destination $d", new() { ["a"] = signed[0].SignaturePath!, ["b"] = signed[1].SignaturePath!, ["d"] = destination }).AssertSuccess();
        var file = Assert.Single(fromFiles.Output);
        Assert.IsType<FileInfo>(file.BaseObject);
        Assert.Equal(2, SignerCount(File.ReadAllBytes(destination)));

        var exists = fx.Run("Merge-FnsSignature -Path $a, $b -Destination $d", new() { ["a"] = signed[0].SignaturePath!, ["b"] = signed[1].SignaturePath!, ["d"] = destination });
        Assert.StartsWith("FnsMobileSign.IOError", Assert.Single(exists.AllErrors).FullyQualifiedErrorId);

        // The first client's signature by its link (piped FnsDocument), the second from its file.
        var linked = fx.Run("Get-FnsWorkflowDocument -WorkflowId $w | Merge-FnsSignature -Path $b -Destination $d -Force",
            new() { ["w"] = signed[0].Workflow, ["b"] = signed[1].SignaturePath!, ["d"] = destination }).AssertSuccess();
        Assert.Single(linked.Output);
        Assert.Equal(2, SignerCount(File.ReadAllBytes(destination)));
        Assert.Contains(fx.Sandbox.Requests, r => r.Path == "/api/rb/signatures-merge" && r.StatusCode == 200);
    }

    private static int SignerCount(byte[] der)
    {
        var cms = new System.Security.Cryptography.Pkcs.SignedCms();
        cms.Decode(der);
        return cms.SignerInfos.Count;
    }

    /// <summary>A registration (identification) workflow of a new person; returns its id.</summary>
    private long NewIdentification()
    {
        var script = "(New-FnsWorkflow -Type Identification -LastName Регистров -FirstName Иван -MiddleName Иванович -Gender М -Birthed 1990-01-01 " +
                     "-Snils $snils -Inn $inn -Phone 79005550011 -Region 77 -City Москва -PassportSeries 4510 -PassportNumber 123456 " +
                     "-PassportIssueCode 770-001 -PassportIssuedBy 'ОВД Пресненского района' -PassportIssued 2015-02-01).Id";
        return LanguagePrimitivesLong(fx.Run(script, new() { ["snils"] = ValidSnils, ["inn"] = ValidInn }).AssertSuccess().Output.Single());
    }
}
