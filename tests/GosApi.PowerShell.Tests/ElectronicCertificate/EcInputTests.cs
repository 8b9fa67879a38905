using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.ElectronicCertificate.EcScripts;

namespace GosApi.PowerShell.Tests.ElectronicCertificate;

/// <summary>Bad input is refused with the field and the rule, before any request reaches the service.</summary>
public sealed class EcInputTests : IClassFixture<EcFixture>
{
    private readonly EcFixture fx;

    public EcInputTests(EcFixture fx) => this.fx = fx;

    private (HostedResult Result, int Requests) InvokeCounting(string script)
    {
        var before = fx.Sandbox.Requests.Count(r => r.Path.Contains("/ec-", StringComparison.Ordinal));
        var result = fx.Engine.Invoke(Helpers + script);
        return (result, fx.Sandbox.Requests.Count(r => r.Path.Contains("/ec-", StringComparison.Ordinal)) - before);
    }

    [Theory]
    [InlineData("$r.pid = '112-233-445 96'", "Snils", "checksum")]
    [InlineData("$r.phoneNumber = '910456001'", "PhoneNumber", "10 digits")]
    [InlineData("$r.INN = '7707083894'", "OrganizationInn", "checksum")]
    [InlineData("$r.KPP = '77360100'", "OrganizationKpp", "9")]
    [InlineData("$r.rid = '1234567'", "OrganizationRid", "8 letters or digits")]
    [InlineData("$r.account = '0312345678!'", "OrganizationAccount", "11 letters or digits")]
    [InlineData("$r.mspCode = '01'", "MspCode", "4 digits")]
    [InlineData("$r.lmspCode = 'short'", "LmspCode", "20 characters")]
    [InlineData("$r.budgetaryClassificationCode = '1234'", "BudgetaryClassificationCode", "20 digits")]
    [InlineData("$r.nationalPaymentInstrument = '220012345678901'", "NationalPaymentInstrument", "16 to 19 digits")]
    [InlineData("$r.endDate = '2026-11-01'", "EndDate", "later than StartDate")]
    [InlineData("$r.startDate = 'tomorrow'", "StartDate", "must be a date")]
    [InlineData("$r.certificateType = 'ЕСТР0009'", "CertificateType", "must be one of")]
    [InlineData("$r.program = 'XX'", "Program", "must be one of")]
    [InlineData("$r.certificateAmount = '100'", "CertificateAmount", "must be empty for certificate type ЕСТР0001")]
    [InlineData("$r.goodsWorksServices = '[{\"code\":\"short\",\"name\":\"x\",\"maxAmount\":1,\"quantity\":1}]'", "GoodsWorksServices[0].code", "15 to 30")]
    [InlineData("$r.goodsWorksServices = '[{\"code\":\"32.50.22.190-00001\",\"name\":\"x\",\"quantity\":1}]'", "GoodsWorksServices[0].maxAmount", "is required for certificate type ЕСТР0001")]
    [InlineData("$r.goodsWorksServices = ''", "GoodsWorksServices", "at least one")]
    [InlineData("$r.goodsWorksServices = '{not json'", "GoodsWorksServices", "must be JSON")]
    public void A_bad_field_is_named_with_its_rule_and_nothing_is_sent(string change, string field, string rule)
    {
        var (result, requests) = InvokeCounting($"$r = New-Row; {change}; (New-Row), $r, (New-Row) | New-ElectronicCertificate");
        Assert.Equal(0, requests);
        Assert.Empty(result.Output);
        var bad = Assert.Single(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("ElectronicCertificate.InvalidRecord", StringComparison.Ordinal));
        var message = bad.ErrorDetails!.Message;
        Assert.Contains("Input record 2", message);
        Assert.Contains(field, message);
        Assert.Contains(rule, message);
        Assert.Contains(result.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("ElectronicCertificate.InvalidInput", StringComparison.Ordinal) && e.ErrorDetails!.Message.Contains("1 of 3 records are invalid"));
    }

    [Fact]
    public void Every_type_rule_of_the_four_certificate_types_is_checked()
    {
        var (result, requests) = InvokeCounting(@"
            $a = New-Row -Type 'ЕСТР0002'; $a.certificateAmount = ''
            $b = New-Row -Type 'ЕСТР0003'; $b.certificateQuantity = ''
            $c = New-Row -Type 'ЕСТР0004'; $c.certificateQuantity = '5'
            $d = New-Row -Type 'ЕСТР0002'; $d.goodsWorksServices = '[{""code"":""32.50.22.190-00001"",""name"":""x"",""quantity"":1}]'
            $a, $b, $c, $d | New-ElectronicCertificate");
        Assert.Equal(0, requests);
        var messages = result.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("ElectronicCertificate.InvalidRecord", StringComparison.Ordinal)).Select(e => e.ErrorDetails!.Message).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains("CertificateAmount: is required for certificate type ЕСТР0002", messages[0]);
        Assert.Contains("CertificateQuantity: is required for certificate type ЕСТР0003", messages[1]);
        Assert.Contains("CertificateQuantity: must be empty for certificate type ЕСТР0004", messages[2]);
        Assert.Contains("GoodsWorksServices[0].quantity: must be empty for certificate type ЕСТР0002", messages[3]);
    }

    [Fact]
    public void SkipInvalid_sends_the_valid_records_and_reports_the_invalid_one()
    {
        var (result, requests) = InvokeCounting("$r = New-Row; $r.pid = '1'; (New-Row), $r, (New-Row -Type ЕСТР0002) | New-ElectronicCertificate -SkipInvalid");
        Assert.Equal(1, requests);
        Assert.Null(result.Terminating);
        Assert.Single(result.Errors);
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(new long[] { 1, 3 }, result.Output.Select(o => o.Get<long>("InputIndex")));
    }

    [Fact]
    public void WhatIf_describes_each_request_and_sends_nothing()
    {
        var (result, requests) = InvokeCounting("1..150 | ForEach-Object { New-Row } | New-ElectronicCertificate -WhatIf");
        Assert.Equal(0, requests);
        Assert.Empty(result.Output);
        Assert.Contains("request 1 (input records 1–100, 100 records)", fx.Engine.Host.Text);
        Assert.Contains("request 2 (input records 101–150, 50 records)", fx.Engine.Host.Text);
    }

    [Theory]
    [InlineData("Block-ElectronicCertificate -FactAssignmentUuid (New-Guid) -CertificateNumber ('1' * 25) -BlockReason ECBR0006 -Confirm:$false", "BlockReason", "must be one of")]
    [InlineData("Block-ElectronicCertificate -FactAssignmentUuid 'not-a-uuid' -CertificateNumber ('1' * 25) -BlockReason ECBR0001 -Confirm:$false", "FactAssignmentUuid", "UUID")]
    [InlineData("Set-ElectronicCertificate -FactAssignmentUuid (New-Guid) -CertificateNumber ('1' * 24) -PhoneNumber 9100000000", "CertificateNumber", "25 digits")]
    [InlineData("Set-ElectronicCertificate -FactAssignmentUuid (New-Guid) -CertificateNumber ('1' * 25)", "Snils", "at least one of")]
    public void Edit_and_block_fields_are_checked_before_sending(string script, string field, string rule)
    {
        var (result, requests) = InvokeCounting(script);
        Assert.Equal(0, requests);
        var message = Assert.Single(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("ElectronicCertificate.InvalidRecord", StringComparison.Ordinal)).ErrorDetails!.Message;
        Assert.Contains(field, message);
        Assert.Contains(rule, message);
    }

    [Theory]
    [InlineData("Get-ElectronicCertificate -CertificateNumber 12345", "CertificateNumber", "25 digits")]
    [InlineData("Receive-ElectronicCertificateTaskResult -TaskId nope", "TaskId", "UUID")]
    [InlineData("Wait-ElectronicCertificateTask -TaskId nope", "TaskId", "UUID")]
    public void Lookups_check_their_ids_before_sending(string script, string field, string rule)
    {
        var (result, requests) = InvokeCounting(script);
        Assert.Equal(0, requests);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("ElectronicCertificate.InvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(field, error.ErrorDetails!.Message);
        Assert.Contains(rule, error.ErrorDetails!.Message);
    }

    [Fact]
    public void Without_a_session_the_cmdlets_say_how_to_connect()
    {
        using var engine = new ModuleHost();
        var result = engine.Invoke("Get-ElectronicCertificate -CertificateNumber ('1' * 25)");
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("ElectronicCertificate.NotConnected", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-ElectronicCertificateService", error.ToString());
    }

    [Fact]
    public void Codes_complete_in_the_specs_spelling_from_latin_keystrokes()
    {
        var result = fx.Engine.Invoke("$s = 'Block-ElectronicCertificate -BlockReason ECBR000'; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText").AssertSuccess();
        var matches = result.Output.Select(o => o.ToString()).ToList();
        Assert.Contains("'EСВR0001'", matches);
        Assert.Equal(5, matches.Count);
    }
}
