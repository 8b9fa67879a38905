using System.Security.Cryptography;
using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.FnsMobileSign.FnsWorkflowScripts;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>Scripts and data shared by the workflow tests.</summary>
internal static class FnsWorkflowScripts
{
    public const string WorkflowType = "GosApi.FnsMobileSign.Models.FnsWorkflow";
    public const string Snils = "112-233-445 95";
    public const string PersonInn = "500100732259";
    public const string Ogrnip = "304500116000157";
    public const string LegalInn = "7707083893";
    public const string LegalOgrn = "1027700132195";
    public const string LegalKpp = "773601001";

    /// <summary>New-Doc; New-Person (splat of a valid registration); Wait-State (polls Get-FnsWorkflow every 25 ms).</summary>
    public const string Helpers = FnsScripts.Helpers + @"
        function New-Person([string] $Phone, [string] $LastName = 'Петров') {
            @{
                Type = 'Identification'; LastName = $LastName; FirstName = 'Пётр'; MiddleName = 'Петрович'; Gender = 'М'
                Birthed = [datetime]'1985-04-12'; Snils = '" + Snils + @"'; Inn = '" + PersonInn + @"'; Phone = $Phone
                Region = '77'; PostalCode = '101000'; City = 'Москва'; Street = 'Тверская'; House = '1'; Apartment = '5'
                PassportSeries = '4510'; PassportNumber = '123456'; PassportIssueCode = '770-001'
                PassportIssuedBy = 'ОВД Тверского района'; PassportIssued = [datetime]'2010-05-20'
            }
        }
        function Wait-State([long] $Id, [string] $State) {
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while ($true) {
                $w = Get-FnsWorkflow -Id $Id -ErrorAction Stop
                if ($w.StateName -eq $State) { return $w }
                if ($w.IsFinal -or [DateTime]::UtcNow -gt $deadline) { throw ""workflow $Id is $($w.StateName), not $State"" }
                Start-Sleep -Milliseconds 25
            }
        }
    ";

    /// <summary>A phone no other test uses (the identification search matches by phone).</summary>
    public static string NewPhone() => "79" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9");

    public static string NewSnils()
    {
        var digits = RandomNumberGenerator.GetInt32(2_000_000, 999_999_999).ToString("D9");
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (9 - i);
        var check = sum < 100 ? sum : sum % 101 == 100 ? 0 : sum % 101;
        return digits + check.ToString("D2");
    }

    public static string ErrorText(HostedResult result) =>
        string.Join("; ", result.AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e));
}

/// <summary>
/// New-FnsWorkflow for every scenario type, registration with in-person identification and scans, Get-FnsWorkflow
/// by id and by list, Remove-FnsWorkflow, and the session's login behaviour.
/// </summary>
public sealed class FnsWorkflowTests : IClassFixture<FnsFixture>, IDisposable
{
    private readonly FnsFixture fx;
    private readonly TestFiles files = new();

    public FnsWorkflowTests(FnsFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["consumer"] = fx.Signer.Id };
        if (variables != null) foreach (var pair in variables) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(Helpers + script, all);
    }

    private int AuthRequests => fx.Sandbox.Requests.Count(r => r.Method == "POST" && r.Path.TrimEnd('/') == "/api/rb/auth");

    // ---------------------------------------------------------------- registration

    [Fact]
    public void A_registration_is_identified_by_an_agent_and_its_certificate_issuing_completes_after_the_scans()
    {
        var phone = NewPhone();
        var agentName = "agent_" + Guid.NewGuid().ToString("N")[..10];
        var result = Invoke(@"
            New-FnsAgent -Username $agentName -Password (ConvertTo-SecureString 'Agent-Pass-7731' -AsPlainText -Force) -LastName Агентов -FirstName Иван -MiddleName Иванович `
                -Phone '+7 (901) 234-56-78' -UnstructuredIdentity '4500 023456 Выдан ОВД 12.05.2011' -Snils $agentSnils -Position оператор -Company 1 `
                -Permission consumer_identify -IdentificationPoint 4 | Out-Null
            $agent = Connect-FnsMobileSign -BaseUri $u -Credential (New-Object pscredential($agentName, (ConvertTo-SecureString 'Agent-Pass-7731' -AsPlainText -Force))) -PassThru
            Connect-FnsMobileSign -BaseUri $u -Credential (New-Object pscredential($user, (ConvertTo-SecureString $pass -AsPlainText -Force))) | Out-Null

            $p = New-Person $phone
            $created = New-FnsWorkflow @p
            $created
            Wait-State $created.Id 'wait-consumer-identification' | Out-Null
            $bySnils = Find-FnsIdentification -Phone ('8' + $phone.Substring(1)) -Snils '" + Snils + @"' -Session $agent
            $byPassport = Find-FnsIdentification -Phone $phone -PassportSeries '45 10' -PassportNumber 123456 -Session $agent
            $bySnils; $byPassport
            $bySnils | Set-FnsWorkflowState -State identify -Session $agent
            $done = Wait-State $created.Id 'complete'
            $done
            $child = Wait-State $done.ChildId 'wait-scan-upload'
            Set-FnsWorkflowState -Id $child.Id -State scan_confirm_received -ErrorAction SilentlyContinue -ErrorVariable early
            $early
            $slots = Get-FnsDocumentScan -WorkflowId $child.Id
            foreach ($slot in $slots) { Send-FnsDocumentScan -Id $slot.Id -Path (New-Doc ""scan-$($slot.Id).jpg"" 'Скан') | Out-Null }
            Set-FnsWorkflowState -Id $child.Id -State scan_confirm_received
            Get-FnsWorkflow -Id $child.Id
        ", new()
        {
            ["phone"] = phone, ["agentName"] = agentName, ["agentSnils"] = NewSnils(),
            ["u"] = fx.Sandbox.BaseUri, ["user"] = fx.Partner.Username, ["pass"] = fx.Partner.Password,
        });
        Assert.True(result.Terminating == null, result.Terminating?.Message + " " + ErrorText(result));
        Assert.True(result.Errors.Count == 0, ErrorText(result));
        var workflows = result.Output.OfType(WorkflowType);
        var created = workflows[0];
        Assert.Equal("Identification", created.Get<object>("Type").ToString());
        Assert.Equal("wait-pkcs10", created.Get<string>("StateName"));
        Assert.Equal("WaitPkcs10", created.Get<object>("State").ToString());
        Assert.Matches("^[0-9a-f-]{36}$", created.Get<string>("ExternalId"));
        Assert.Matches("^[0-9a-f-]{36}$", created.Get<string>("ConsumerId"));
        var id = created.Get<long>("Id");

        var (bySnils, byPassport) = (workflows[1], workflows[2]);
        Assert.Equal(id, bySnils.Get<long>("Id"));
        Assert.Equal(id, byPassport.Get<long>("Id"));
        Assert.Equal("WaitConsumerIdentification", bySnils.Get<object>("State").ToString());
        Assert.Equal("11223344595", System.Management.Automation.PSObject.AsPSObject(bySnils.Get<object>("Consumer")).Get<string>("Snils"));

        var identified = workflows[3];
        Assert.Equal(id, identified.Get<long>("Id"));
        Assert.Equal("certificate-issue", identified.Get<string>("StateName"));

        var done = workflows[4];
        Assert.Equal("Complete", done.Get<object>("State").ToString());
        Assert.True(done.Get<bool>("IsSuccessful"));
        Assert.Equal(agentName, done.Get<string>("AgentUsername"));
        var childId = done.Get<long?>("ChildId");
        Assert.NotNull(childId);
        Assert.Contains(childId!.Value, done.Get<long[]>("Children"));

        var early = Assert.Single(result.Output.Select(o => o.BaseObject).OfType<System.Management.Automation.ErrorRecord>());
        Assert.StartsWith("FnsMobileSign.ValidationError", early.FullyQualifiedErrorId);
        Assert.Contains("сканы", early.ToString());

        var confirmed = workflows[5];
        Assert.Equal(childId.Value, confirmed.Get<long>("Id"));
        Assert.Equal("complete", confirmed.Get<string>("StateName"));
        var child = workflows[6];
        Assert.Equal("CertificateIssuing", child.Get<object>("Type").ToString());
        Assert.Equal("Complete", child.Get<object>("State").ToString());
        Assert.Equal(id, child.Get<long?>("ParentId"));
        Assert.Equal(2, fx.Sandbox.Requests.Count(r => r.Method == "PUT" && r.Path.StartsWith("/api/rb/document-scan/", StringComparison.Ordinal) && r.StatusCode == 200));
    }

    [Fact]
    public void The_partner_identifies_under_a_shared_account_with_IdpInfo_and_AgentInfo()
    {
        var phone = NewPhone();
        var result = Invoke(@"
            $p = New-Person $phone
            $w = New-FnsWorkflow @p
            Wait-State $w.Id 'wait-consumer-identification' | Out-Null
            Find-FnsIdentification -Phone $phone -Snils 11223344595 | Set-FnsWorkflowState -State identify -IdpInfo 'ООО «Пункт»' -AgentInfo 'Агентов Иван Иванович' -AgentExternalData 'desk 4'
            Get-FnsWorkflow -Id $w.Id
        ", new() { ["phone"] = phone }).AssertSuccess();
        var workflows = result.Output.OfType(WorkflowType);
        Assert.Equal("CertificateIssue", workflows[0].Get<object>("State").ToString());
        var read = workflows[1];
        Assert.Equal("ООО «Пункт»", read.Get<string>("IdpInfo"));
        Assert.Equal("Агентов Иван Иванович", read.Get<string>("AgentInfo"));
        Assert.NotEqual("WaitConsumerIdentification", read.Get<object>("State").ToString());
    }

    [Fact]
    public void Identify_with_only_IdpInfo_is_refused_before_any_request()
    {
        var before = fx.ApiRequests;
        var result = Invoke("Set-FnsWorkflowState -Id 12345 -State identify -IdpInfo 'ООО «Пункт»'");
        Assert.Equal(before, fx.ApiRequests);
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("FnsMobileSign.InvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains("AgentInfo", error.ToString());
    }

    [Fact]
    public void An_entrepreneur_and_a_legal_entity_representative_are_registered_with_their_business()
    {
        var (phone1, phone2) = (NewPhone(), NewPhone());
        var createdBefore = fx.Sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/api/rb/workflow" && r.StatusCode == 201);
        var result = Invoke(@"
            $p = New-Person $phone1 'Предпринимателев'
            New-FnsWorkflow @p -Ogrnip $ogrnip
            $q = New-Person $phone2 'Директоров'
            New-FnsWorkflow @q -LegalEntityInn $legalInn -LegalEntityName 'ПАО Сбербанк' -LegalEntityOgrn $ogrn -LegalEntityKpp $kpp `
                -LegalEntityPosition 'Генеральный директор' -LegalEntityDivision 'Головной офис' -LegalEntityRegion 77 -LegalEntityCity Москва `
                -LegalEntityStreet Вавилова -LegalEntityHouse 19 -LegalEntityOffice 1
            Find-FnsConsumer -LastName Предпринимателев -FirstName Пётр -MiddleName Петрович -Phone $phone1
            Find-FnsConsumer -LastName Директоров -FirstName Пётр -MiddleName Петрович -Phone $phone2
        ", new() { ["phone1"] = phone1, ["phone2"] = phone2, ["ogrnip"] = Ogrnip, ["legalInn"] = LegalInn, ["ogrn"] = LegalOgrn, ["kpp"] = LegalKpp });
        Assert.True(result.Errors.Count == 0 && result.Terminating == null, ErrorText(result));
        var workflows = result.Output.OfType(WorkflowType);
        Assert.Equal(2, workflows.Count);
        Assert.All(workflows, w => Assert.Equal("wait-pkcs10", w.Get<string>("StateName")));
        var consumers = result.Output.OfType("GosApi.FnsMobileSign.Models.FnsConsumer");
        Assert.Equal(2, consumers.Count);
        Assert.Equal(workflows[0].Get<string>("ConsumerId"), consumers[0].Get<string>("Id"));
        Assert.Equal(Ogrnip, consumers[0].Get<string>("Ogrnip"));
        Assert.Equal(workflows[1].Get<string>("ConsumerId"), consumers[1].Get<string>("Id"));
        Assert.Equal(new[] { LegalInn }, consumers[1].Get<string[]>("LegalEntityInns"));
        Assert.Equal(2, fx.Sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/api/rb/workflow" && r.StatusCode == 201) - createdBefore);
    }

    [Fact]
    public void A_registration_that_fails_the_SMEV_check_ends_rejected_and_the_client_is_blocked()
    {
        var result = Invoke(@"
            $p = New-Person $phone 'Отказов'
            $w = New-FnsWorkflow @p
            Start-Sleep -Milliseconds 100
            $final = Wait-FnsWorkflow -Id $w.Id -PollingIntervalSec 1 -TimeoutSec 10
            $final
            New-FnsWorkflow -Type Blank -ConsumerId $final.ConsumerId
        ", new() { ["phone"] = NewPhone() });
        Assert.Null(result.Terminating);
        var final = result.Single(WorkflowType);
        Assert.Equal("Rejected", final.Get<object>("State").ToString());
        Assert.True(final.Get<bool>("IsFinal"));
        Assert.False(final.Get<bool>("IsSuccessful"));
        Assert.Equal("Не пройдены проверки: Валидация ФИО-СНИЛС", final.Get<string>("ErrorMessage"));
        var blocked = Assert.Single(result.Errors);
        Assert.StartsWith("FnsMobileSign.ConsumerBlocked", blocked.FullyQualifiedErrorId);
        Assert.Contains("заблокирован", blocked.ToString());
    }

    // ---------------------------------------------------------------- other scenario types

    [Fact]
    public void Certificate_issuing_for_an_entrepreneur_and_the_reissuing_types_move_through_their_states()
    {
        var result = Invoke(@"
            $issuing = New-FnsWorkflow -Type CertificateIssuing -ConsumerId $consumer -Ogrnip $ogrnip
            $issuing
            Wait-State $issuing.Id 'wait-scan-upload'
            $reissue = New-FnsWorkflow -Type CertificateReissuing -ConsumerId $consumer
            $reissue
            Wait-State $reissue.Id 'complete'
            $tls = New-FnsWorkflow -Type TlsCertificateReissuing -ConsumerId $consumer
            $tls
            Wait-State $tls.Id 'wait-consumer-identification' | Set-FnsWorkflowState -State identify -IdentificationPoint 1 | Out-Null
            Wait-State $tls.Id 'complete'
        ", new() { ["ogrnip"] = Ogrnip });
        Assert.True(result.Errors.Count == 0 && result.Terminating == null, ErrorText(result));
        var w = result.Output.OfType(WorkflowType);
        Assert.Equal(6, w.Count);
        Assert.Equal("CertificateIssuing", w[0].Get<object>("Type").ToString());
        Assert.Equal("WaitPkcs10", w[0].Get<object>("State").ToString());
        Assert.Equal("Ожидание получения запроса на сертификат", w[0].Get<string>("StateDisplay"));
        Assert.Equal("WaitScanUpload", w[1].Get<object>("State").ToString());
        Assert.Equal("CertificateReissuing", w[2].Get<object>("Type").ToString());
        Assert.Equal("Complete", w[3].Get<object>("State").ToString());
        Assert.Equal("TlsCertificateReissuing", w[4].Get<object>("Type").ToString());
        Assert.Equal("WaitPkcs10", w[4].Get<object>("State").ToString());
        Assert.Equal("Complete", w[5].Get<object>("State").ToString());
        Assert.All(w, x => Assert.Equal(fx.Signer.Id, x.Get<string>("ConsumerId")));
    }

    [Fact]
    public void A_blank_stays_active_until_another_workflow_starts_and_an_external_activity_completes_on_request()
    {
        var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username);
        var result = Invoke(@"
            $blank = New-FnsWorkflow -Type Blank -ConsumerId $c
            $blank
            Start-Sleep -Milliseconds 100
            Get-FnsWorkflow -Id $blank.Id
            $activity = New-FnsWorkflow -Type ExternalActivity -ConsumerId $c -Url 'https://portal.example.ru/form?x=1' -Header @{ 'X-Session' = 'abc' }
            $activity
            Get-FnsWorkflow -Id $blank.Id
            Set-FnsWorkflowState -Id $activity.Id -State complete_external_activity
            Get-FnsWorkflow -Id $activity.Id
        ", new() { ["c"] = client.Id }).AssertSuccess();
        var w = result.Output.OfType(WorkflowType);
        Assert.Equal("Blank", w[0].Get<object>("Type").ToString());
        Assert.Equal("Active", w[0].Get<object>("State").ToString());
        Assert.Equal("Active", w[1].Get<object>("State").ToString());
        Assert.Equal("ExternalActivity", w[2].Get<object>("Type").ToString());
        Assert.Equal("ProcessingExternalActivity", w[2].Get<object>("State").ToString());
        Assert.Equal("Complete", w[3].Get<object>("State").ToString());
        Assert.Equal(w[0].Get<long>("Id"), w[3].Get<long>("Id"));
        Assert.Equal("complete", w[4].Get<string>("StateName"));
        var activity = w[5];
        Assert.Equal("Complete", activity.Get<object>("State").ToString());
        Assert.Equal("https://portal.example.ru/form?x=1", activity.Get<string>("ExternalActivityUrl"));
        var id = activity.Get<long>("Id");
        Assert.Equal("fns://workflow/" + id, activity.Get<string>("DeepLink"));
        Assert.Equal("fns://main", activity.Get<string>("AppDeepLink"));
    }

    [Fact]
    public void File_decryption_takes_files_and_completes()
    {
        var result = Invoke(@"
            $w = New-FnsWorkflow -Type FileDecryption -ConsumerId $consumer -Path (New-Doc 'secret.txt.enc' 'шифр'), (New-Doc 'b.p7m' 'шифр')
            $w
            Wait-State $w.Id 'complete'
        ").AssertSuccess();
        var w = result.Output.OfType(WorkflowType);
        Assert.Equal("FileDecryption", w[0].Get<object>("Type").ToString());
        Assert.Equal("WaitDecryption", w[0].Get<object>("State").ToString());
        Assert.Equal(2, w[0].Get<object[]>("Documents").Length);
        Assert.Equal("Complete", w[1].Get<object>("State").ToString());
    }

    // ---------------------------------------------------------------- reading, listing, removing

    [Fact]
    public void Workflows_are_read_by_id_and_from_the_pipeline_and_an_unknown_id_is_an_error_for_that_id_only()
    {
        var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username);
        var result = Invoke(@"
            $a = New-FnsWorkflow -Type Blank -ConsumerId $c
            $b = New-FnsWorkflow -Type ExternalActivity -ConsumerId $c -Url https://portal.example.ru/
            [long[]] $ids = $a.Id, 999999999, $b.Id
            $ids | Get-FnsWorkflow
        ", new() { ["c"] = client.Id });
        Assert.Null(result.Terminating);
        var w = result.Output.OfType(WorkflowType);
        Assert.Equal(2, w.Count);
        Assert.Equal("Blank", w[0].Get<object>("Type").ToString());
        Assert.Equal("Complete", w[0].Get<object>("State").ToString()); // the external activity started after it
        Assert.Equal("ExternalActivity", w[1].Get<object>("Type").ToString());
        Assert.NotNull(w[0].Get<object>("Consumer")); // /full carries the client
        var error = Assert.Single(result.Errors);
        Assert.Matches("^FnsMobileSign\\.(404|NotFound)", error.FullyQualifiedErrorId);
        Assert.Contains(fx.Sandbox.Requests, r => r.Path == "/api/rb/workflow/999999999/full");
    }

    [Fact]
    public void The_list_follows_every_page_and_Select_First_stops_the_paging_early()
    {
        // 85 workflows are 5 pages of 20. The cmdlet reads ahead while the pipeline writes (at most 64 queued
        // workflows), so after -First 1 it may fetch a page or two more but never reaches the fifth.
        var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username);
        var created = Invoke("1..85 | ForEach-Object { (New-FnsWorkflow -Type Blank -ConsumerId $c).Id }", new() { ["c"] = client.Id }).AssertSuccess();
        var ids = created.Output.Select(o => Convert.ToInt64(o.BaseObject)).ToHashSet();
        Assert.Equal(85, ids.Count);

        bool IsList(GosApi.Sandbox.RecordedRequest r) => r.Method == "GET" && r.Path.TrimEnd('/') == "/api/rb/workflow";
        int LastPages() => fx.Sandbox.Requests.Count(r => IsList(r) && (r.Query ?? "").Contains("page=5"));
        var listBefore = fx.Sandbox.Requests.Count(IsList);
        var all = Invoke("Get-FnsWorkflow -ConsumerId $c -Type Blank", new() { ["c"] = client.Id }).AssertSuccess();
        var listed = all.Output.OfType(WorkflowType).Select(w => w.Get<long>("Id")).ToList();
        Assert.Equal(85, listed.Count);
        Assert.True(ids.SetEquals(listed));
        Assert.Equal(5, fx.Sandbox.Requests.Count(IsList) - listBefore);
        Assert.Single(listed, id => all.Output.OfType(WorkflowType).Single(w => w.Get<long>("Id") == id).Get<string>("StateName") == "active");

        var piped = Invoke("$client = [pscustomobject]@{ ConsumerId = $c }; $client | Get-FnsWorkflow -Type ExternalActivity", new() { ["c"] = client.Id }).AssertSuccess();
        Assert.Empty(piped.Output);

        listBefore = fx.Sandbox.Requests.Count(IsList);
        var lastBefore = LastPages();
        var first = Invoke("Get-FnsWorkflow -ConsumerId $c -Type Blank | Select-Object -First 1", new() { ["c"] = client.Id }).AssertSuccess();
        Assert.Single(first.Output);
        Assert.InRange(fx.Sandbox.Requests.Count(IsList) - listBefore, 1, 4);
        Assert.Equal(lastBefore, LastPages());
    }

    [Fact]
    public void Remove_with_WhatIf_sends_nothing_and_a_completed_signing_is_reported_as_not_removed()
    {
        var client = fx.Sandbox.RegisterFnsConsumer(fx.Partner.Username);
        var setup = Invoke(@"
            $a = New-FnsWorkflow -Type Blank -ConsumerId $c
            $b = New-FnsWorkflow -Type ExternalActivity -ConsumerId $c -Url https://portal.example.ru/
            $s = New-FnsWorkflow -Type DocumentSigning -ConsumerId $c -Path (New-Doc 'r.txt')
            Wait-State $s.Id 'complete' | Out-Null
            $a.Id; $b.Id; $s.Id
        ", new() { ["c"] = client.Id }).AssertSuccess();
        var (a, b, signed) = (Convert.ToInt64(setup.Output[0].BaseObject), Convert.ToInt64(setup.Output[1].BaseObject), Convert.ToInt64(setup.Output[2].BaseObject));

        var before = fx.ApiRequests;
        var whatIf = Invoke("Remove-FnsWorkflow -Id $a, $b -WhatIf", new() { ["a"] = a, ["b"] = b }).AssertSuccess();
        Assert.Equal(before, fx.ApiRequests);
        Assert.Empty(whatIf.Output);
        Assert.Contains("workflow " + a, whatIf.HostText);
        Assert.Contains("workflow " + b, whatIf.HostText);

        int Removals() => fx.Sandbox.Requests.Count(r => r.Method == "PUT" && r.Path.TrimEnd('/') == "/api/rb/workflow/remove");
        var removalsBefore = Removals();
        var removed = Invoke("$a, $b, $s, $a | Remove-FnsWorkflow -Confirm:$false", new() { ["a"] = a, ["b"] = b, ["s"] = signed });
        Assert.Null(removed.Terminating);
        Assert.Equal(1, Removals() - removalsBefore); // one request for all ids, each once
        var results = removed.Output.OfType("GosApi.FnsMobileSign.Models.FnsRemoveResult");
        Assert.Equal(3, results.Count);
        Assert.True(results.Single(r => r.Get<long>("WorkflowId") == a).Get<bool>("Removed"));
        Assert.True(results.Single(r => r.Get<long>("WorkflowId") == b).Get<bool>("Removed"));
        Assert.False(results.Single(r => r.Get<long>("WorkflowId") == signed).Get<bool>("Removed"));
        var error = Assert.Single(removed.Errors);
        Assert.StartsWith("FnsMobileSign.NotRemoved", error.FullyQualifiedErrorId);
        Assert.Contains(signed.ToString(), error.ToString());

        var after = Invoke("Get-FnsWorkflow -Id $a, $s", new() { ["a"] = a, ["s"] = signed });
        Assert.Equal(signed, Assert.Single(after.Output.OfType(WorkflowType)).Get<long>("Id"));
        Assert.Single(after.Errors);
    }

    // ---------------------------------------------------------------- login

    [Fact]
    public void An_expired_token_is_renewed_by_one_login_and_basic_auth_never_logs_in()
    {
        try
        {
            var authBefore = AuthRequests;
            var refusedBefore = fx.Sandbox.Requests.Count(r => r.StatusCode == 401);
            fx.Sandbox.ExpireFnsTokens();
            var renewed = Invoke("(Get-FnsWorkflow -ConsumerId $consumer -Type DocumentSigning | Select-Object -First 1) | Out-Null; New-FnsWorkflow -Type Blank -ConsumerId $consumer").AssertSuccess();
            Assert.Single(renewed.Output.OfType(WorkflowType));
            Assert.Equal(1, AuthRequests - authBefore);
            // One refusal leads to the one login; a list read-ahead abandoned by Select-Object -First may add a second.
            Assert.InRange(fx.Sandbox.Requests.Count(r => r.StatusCode == 401) - refusedBefore, 1, 2);

            fx.ConnectFns("Basic");
            authBefore = AuthRequests;
            fx.Sandbox.ExpireFnsTokens();
            var basic = Invoke("$b = New-FnsWorkflow -Type Blank -ConsumerId $consumer; $b; Get-FnsWorkflow -Id $b.Id").AssertSuccess();
            Assert.Equal(2, basic.Output.OfType(WorkflowType).Count);
            Assert.Equal(authBefore, AuthRequests);
            Assert.StartsWith("Basic ", fx.Sandbox.Requests.Last(r => r.Path.StartsWith("/api/rb/workflow", StringComparison.Ordinal)).Headers["Authorization"]);

            // A wrong password fails at connect time and leaves the working (basic) session in place.
            var wrong = fx.Engine.Invoke(FnsScripts.Connect, new Dictionary<string, object>
            {
                ["u"] = fx.Sandbox.BaseUri, ["user"] = fx.Partner.Username, ["pass"] = "wrong-" + Guid.NewGuid().ToString("N")[..8],
            });
            Assert.Empty(wrong.Output);
            var refused = Assert.Single(wrong.AllErrors);
            Assert.Equal("FnsMobileSign.401", refused.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, refused.CategoryInfo.Category);
            Assert.Equal(authBefore + 1, AuthRequests);
            var still = Invoke("(New-FnsWorkflow -Type Blank -ConsumerId $consumer).Id").AssertSuccess();
            Assert.Single(still.Output);
            Assert.StartsWith("Basic ", fx.Sandbox.Requests.Last(r => r.Path.StartsWith("/api/rb/workflow", StringComparison.Ordinal)).Headers["Authorization"]);
        }
        finally
        {
            fx.ConnectFns();
        }
    }
}
