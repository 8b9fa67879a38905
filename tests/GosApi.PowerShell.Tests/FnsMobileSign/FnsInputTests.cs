using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.FnsMobileSign.FnsWorkflowScripts;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>
/// Input that New-FnsWorkflow refuses before sending anything (the field and the rule named), and the errors the
/// service reports for what only it can know.
/// </summary>
public sealed class FnsInputTests : IClassFixture<FnsFixture>, IDisposable
{
    private readonly FnsFixture fx;
    private readonly TestFiles files = new();

    public FnsInputTests(FnsFixture fx) => this.fx = fx;

    public void Dispose() => files.Dispose();

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["consumer"] = fx.Signer.Id, ["phone"] = NewPhone() };
        if (variables != null) foreach (var pair in variables) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(Helpers + script, all);
    }

    /// <summary>A registration splat $p changed by <c>change</c>, then New-FnsWorkflow @p plus <c>extra</c>.</summary>
    [Theory]
    [InlineData("$p.Snils = '112-233-445 96'", "", "Person.Snils", "checksum is 96, expected 95")]
    [InlineData("$p.Snils = '112-233-445'", "", "Person.Snils", "must be 11 digits")]
    [InlineData("$p.Inn = '500100732258'", "", "Person.Inn", "checksum is 58, expected 59")]
    [InlineData("$p.Inn = '7707083893'", "", "Person.Inn", "12")]
    [InlineData("", "-Ogrnip 304500116000158", "Entrepreneur.Ogrnip", "checksum is 8, expected 7")]
    [InlineData("", "-Ogrnip 1027700132195", "Entrepreneur.Ogrnip", "15")]
    [InlineData("", "-LegalEntityInn 7707083893 -LegalEntityName 'ООО Ромашка' -LegalEntityOgrn 1027700132195 -LegalEntityKpp 77360100 -LegalEntityPosition Директор -LegalEntityRegion 77 -LegalEntityCity Москва", "LegalEntity.Kpp", "must be 9 characters")]
    [InlineData("", "-LegalEntityInn 7707083894 -LegalEntityName 'ООО Ромашка' -LegalEntityOgrn 1027700132195 -LegalEntityKpp 773601001 -LegalEntityPosition Директор -LegalEntityRegion 77 -LegalEntityCity Москва", "LegalEntity.Inn", "checksum is 4, expected 3")]
    [InlineData("", "-LegalEntityInn 7707083893 -LegalEntityName 'ООО Ромашка' -LegalEntityOgrn 1027700132194 -LegalEntityKpp 773601001 -LegalEntityPosition Директор -LegalEntityRegion 77 -LegalEntityCity Москва", "LegalEntity.Ogrn", "checksum is 4, expected 5")]
    [InlineData("", "-LegalEntityInn 7707083893", "LegalEntity.Name", "is required")]
    [InlineData("$p.PassportSeries = '451'", "", "Person.Passport.Series", "4")]
    [InlineData("$p.PassportNumber = '12345X'", "", "Person.Passport.Number", "digits")]
    [InlineData("$p.PassportIssueCode = '77-001'", "", "Person.Passport.IssueCode", "must be 6 digits")]
    [InlineData("[void]$p.Remove('PassportIssuedBy')", "", "Person.Passport.IssuedBy", "is required")]
    [InlineData("$p.Phone = '19001234567'", "", "Person.Phone", "must start with 7")]
    [InlineData("$p.Phone = '+1 (555) 123-45-67'", "", "Person.Phone", "digits")]
    [InlineData("$p.Phone = '7900123'", "", "Person.Phone", "")]
    [InlineData("$p.Gender = 'X'", "", "Person.Gender", "must be М (male) or F (female)")]
    [InlineData("[void]$p.Remove('FirstName')", "", "Person.FirstName", "is required")]
    [InlineData("[void]$p.Remove('Birthed')", "", "Person.Birthed", "is required")]
    [InlineData("[void]$p.Remove('City')", "", "Person.Address.City", "is required")]
    [InlineData("$p.Region = 'Москва'", "", "Person.Address.Region", "must be a numeric region code")]
    [InlineData("", "-ConsumerId $consumer", "ConsumerId", "must be empty when registering")]
    [InlineData("", "-ExternalId abc", "ExternalId", "must be a UUID")]
    [InlineData("", "-Callback cb/relative", "Callback", "must be an absolute http or https address")]
    [InlineData("", "-Callback ftp://127.0.0.1/cb", "Callback", "must be an absolute http or https address")]
    public void A_registration_with_bad_person_data_is_refused_before_any_request(string change, string extra, string field, string rule)
    {
        var before = fx.ApiRequests;
        var result = Invoke($"$p = New-Person $phone; {change}; New-FnsWorkflow @p {extra}");
        AssertRefused(result, before, field, rule);
    }

    [Theory]
    [InlineData("-Type Blank -ConsumerId not-a-uuid", "ConsumerId", "must be the client's UUID")]
    [InlineData("-Type Blank", "ConsumerId", "is required")]
    [InlineData("-Type Blank -ConsumerId $consumer -ExternalId 2f973415-4d6b-4541-90c1", "ExternalId", "must be a UUID")]
    [InlineData("-Type ExternalActivity -ConsumerId $consumer", "Url", "is required for an external activity")]
    [InlineData("-Type ExternalActivity -ConsumerId $consumer -Url /relative/form", "Url", "must be an absolute http or https address")]
    [InlineData("-Type Blank -ConsumerId $consumer -Url https://portal.example.ru/", "Url", "goes only with an external activity")]
    [InlineData("-Type Blank -ConsumerId $consumer -Header @{ A = 'b' }", "Header", "goes only with -Url")]
    [InlineData("-Type Blank -ConsumerId $consumer -Inn 500100732259", "Inn", "person fields go only with -Type Identification")]
    [InlineData("-Type DocumentSigning -ConsumerId $consumer", "Documents", "give at least one file")]
    [InlineData("-Type Blank -ConsumerId $consumer -Path (New-Doc 'x.txt')", "Documents", "files go only with document signing or decryption")]
    [InlineData("-Type DocumentSigning -ConsumerId $consumer -Path (1..51 | ForEach-Object { New-Doc \"d$_.txt\" })", "Documents", "at most 50 files")]
    [InlineData("-Type FileDecryption -ConsumerId $consumer -Path (1..51 | ForEach-Object { New-Doc \"e$_.enc\" })", "Documents", "at most 50 files")]
    [InlineData("-Type CertificateIssuing -ConsumerId $consumer -Ogrnip 304500116000158", "Entrepreneur.Ogrnip", "checksum")]
    [InlineData("-Type CertificateIssuing -ConsumerId $consumer -LegalEntityInn 7707083893 -LegalEntityKpp 77360100", "LegalEntity.Kpp", "must be 9 characters")]
    [InlineData("-Simplified -Inn 500100732259 -Phone 12345 -Path (New-Doc 's.txt')", "Phone", "")]
    [InlineData("-Simplified -Inn 500100732258 -Phone 79001234567 -Path (New-Doc 's.txt')", "Inn", "checksum")]
    [InlineData("-Type Blank -ConsumerId $consumer -Scenario 0", "Scenario", "must be a positive number")]
    public void Other_workflows_with_bad_input_are_refused_before_any_request(string arguments, string field, string rule)
    {
        var before = fx.ApiRequests;
        var result = Invoke("New-FnsWorkflow " + arguments);
        AssertRefused(result, before, field, rule);
    }

    private void AssertRefused(HostedResult result, int before, string field, string rule)
    {
        Assert.Equal(before, fx.ApiRequests);
        Assert.Empty(result.Output);
        var error = Assert.Single(result.AllErrors);
        Assert.True(error.FullyQualifiedErrorId.StartsWith("FnsMobileSign.InvalidArgument", StringComparison.Ordinal), error.FullyQualifiedErrorId + ": " + error);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        var text = error.ToString();
        Assert.Contains(field, text);
        Assert.Contains(rule, text);
    }

    [Fact]
    public void Every_broken_field_of_a_registration_is_named_in_one_error()
    {
        var before = fx.ApiRequests;
        var result = Invoke("$p = New-Person $phone; [void]$p.Remove('FirstName'); $p.Snils = '112-233-445 96'; $p.Gender = 'X'; New-FnsWorkflow @p");
        Assert.Equal(before, fx.ApiRequests);
        var text = Assert.Single(result.AllErrors).ToString();
        Assert.Contains("Person.FirstName", text);
        Assert.Contains("Person.Snils", text);
        Assert.Contains("Person.Gender", text);
    }

    [Fact]
    public void Search_and_state_input_is_checked_before_any_request()
    {
        var before = fx.ApiRequests;
        var search = Invoke("Find-FnsIdentification -Phone $phone -Snils '112-233-445 96'");
        var neither = Invoke("Find-FnsIdentification -Phone 12345 -Snils 11223344595");
        var list = Invoke("Get-FnsWorkflow -ConsumerId 'not-a-uuid'");
        var state = Invoke("Set-FnsWorkflowState -Id 1 -State scan_confirm_received -IdpInfo x -AgentInfo y");
        Assert.Equal(before, fx.ApiRequests);
        Assert.Contains("Snils", Assert.Single(search.AllErrors).ToString());
        Assert.Contains("Phone", Assert.Single(neither.AllErrors).ToString());
        Assert.Contains("must be the client's UUID", Assert.Single(list.AllErrors).ToString());
        Assert.Contains("go only with identify", Assert.Single(state.AllErrors).ToString());
        Assert.All(new[] { search, neither, list, state }, r => Assert.StartsWith("FnsMobileSign.InvalidArgument", r.AllErrors.Single().FullyQualifiedErrorId));
    }

    // ---------------------------------------------------------------- errors only the service knows

    [Fact]
    public void An_unknown_client_is_a_validation_error_naming_the_consumer_field()
    {
        var unknown = Guid.NewGuid().ToString();
        var result = Invoke("New-FnsWorkflow -Type Blank -ConsumerId $c", new() { ["c"] = unknown });
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("FnsMobileSign.ValidationError", error.FullyQualifiedErrorId);
        Assert.Contains("consumer", error.ToString());
        Assert.Contains(unknown, error.ToString());
        Assert.Contains("не найден", error.ToString());
        Assert.Equal(unknown, error.TargetObject);
    }

    [Fact]
    public void A_client_blocked_after_a_failed_check_is_ConsumerBlocked_for_every_later_workflow()
    {
        var registered = Invoke("$p = New-Person $phone 'Безинн'; $w = New-FnsWorkflow @p; Start-Sleep -Milliseconds 100; Wait-FnsWorkflow -Id $w.Id -PollingIntervalSec 1 -TimeoutSec 10").AssertSuccess();
        var rejected = registered.Single(WorkflowType);
        Assert.Equal("Не пройдены проверки: Валидация ФИО-ИНН ФЛ", rejected.Get<string>("ErrorMessage"));
        var blockedClient = rejected.Get<string>("ConsumerId");

        var result = Invoke(@"
            New-FnsWorkflow -Type DocumentSigning -ConsumerId $c -Path (New-Doc 'b.txt')
            New-FnsWorkflow -Type ExternalActivity -ConsumerId $c -Url https://portal.example.ru/
        ", new() { ["c"] = blockedClient });
        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("FnsMobileSign.ConsumerBlocked", e.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidOperation, e.CategoryInfo.Category);
            Assert.Contains("заблокирован", e.ToString());
        });
    }

    [Fact]
    public void The_simplified_route_with_an_unknown_inn_and_phone_is_NotFound_and_so_is_an_unknown_identification()
    {
        var result = Invoke(@"
            New-FnsWorkflow -Simplified -Inn " + PersonInn + @" -Phone $phone -Path (New-Doc 'n.txt')
            Find-FnsIdentification -Phone $phone -Snils 11223344595
        ");
        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("FnsMobileSign.NotFound", e.FullyQualifiedErrorId));
        Assert.Contains("Клиент с такими данными не найден", result.Errors[0].ToString());
        Assert.Contains("Поток работ не найден", result.Errors[1].ToString());
        Assert.Contains(fx.Sandbox.Requests, r => r.Path == "/api/rb/workflow/fns" && r.StatusCode == 400);
    }

    [Fact]
    public void A_scenario_number_the_service_does_not_know_is_a_validation_error_on_scenario()
    {
        var result = Invoke("New-FnsWorkflow -Type Blank -ConsumerId $consumer -Scenario 999");
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("FnsMobileSign.ValidationError", error.FullyQualifiedErrorId);
        Assert.Contains("scenario", error.ToString());
    }
}
