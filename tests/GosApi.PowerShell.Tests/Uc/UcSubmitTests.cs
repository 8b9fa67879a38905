using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using static GosApi.PowerShell.Tests.Uc.UcScripts;

namespace GosApi.PowerShell.Tests.Uc;

/// <summary>Submit-UcRequest and the request cmdlets end to end against the sandbox.</summary>
public sealed class UcSubmitTests : IClassFixture<UcFixture>, IDisposable
{
    private const string ResultType = "GosApi.Uc.UcSubmissionResult";
    private const string RequestType = "GosApi.Uc.Models.UcRequest";
    private readonly UcFixture fx;
    private readonly TestFiles files = new();

    public UcSubmitTests(UcFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["pfx"] = fx.OperatorPfx, ["pfxPassword"] = UcFixture.PfxPassword };
        if (variables != null) foreach (var pair in variables) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(Helpers + script, all);
    }

    [Fact]
    public void From_nothing_to_a_downloaded_certificate_whose_public_key_is_the_generated_one()
    {
        var result = Invoke(@"
            $scans = New-Scans (Join-Path $dir 'scans')
            Submit-UcRequest @person -ScanPath $scans -Operator $operator -KeyPath (Join-Path $dir 'keys/applicant.key') -KeyPassword $keyPassword `
                -Destination (Join-Path $dir 'issued') -PollingIntervalSec 1
        ").AssertSuccess();

        var submitted = result.Single(ResultType);
        var id = submitted.Get<long>("RequestId");
        Assert.Equal("Ready", submitted.Get<object>("Status").ToString());
        Assert.True(submitted.Get<bool>("KeyMatchesCertificate"));
        var certificate = submitted.Get<string>("CertificatePath");
        Assert.True(File.Exists(certificate));
        Assert.Contains("BEGIN ENCRYPTED PRIVATE KEY", File.ReadAllText(Path.Combine(files.Root, "keys", "applicant.key")));
        Assert.Equal(new[] { 8, 9, 0, 20 }, fx.Sandbox.UcAttachments(id).Select(a => a.FileType));

        // The key imports with its password and matches the certificate on its own, independently of the cmdlet.
        var check = Invoke(@"
            $cert = Import-GostCertificate -Path $certPath
            $cert.Subject
        ", new() { ["certPath"] = certificate }).AssertSuccess();
        Assert.Contains("Петров", check.Output.Single().ToString());
    }

    [Fact]
    public void A_run_interrupted_after_the_archive_signature_resumes_without_sending_8_and_9_again()
    {
        // The PKCS#10 upload (type 0) fails once; the run stops after 9 with the request id in the error.
        fx.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 500, PathPrefix = "/api/external/v2/request/attach_file", SkipFirst = 2, Count = 1 });
        var first = Invoke(@"
            $scans = New-Scans (Join-Path $dir 'scans')
            Submit-UcRequest @person -ScanPath $scans -Operator $operator -KeyPath (Join-Path $dir 'k/applicant.key') -KeyPassword $keyPassword -PollingIntervalSec 1
        ");
        var error = Assert.Single(first.AllErrors);
        Assert.StartsWith("Uc.500", error.FullyQualifiedErrorId);
        var text = error.ErrorDetails!.Message + " " + error.ErrorDetails.RecommendedAction;
        var id = fx.Sandbox.Requests.Count > 0 ? ExtractRequestId(text) : 0;
        Assert.True(id > 0, text);
        Assert.Contains("Submit-UcRequest -RequestId " + id, text);
        Assert.Equal(new[] { 8, 9 }, fx.Sandbox.UcAttachments(id).Select(a => a.FileType));

        var resumed = Invoke(@"
            Submit-UcRequest -RequestId $id -Operator $operator -KeyPath (Join-Path $dir 'k/applicant.key') -KeyPassword $keyPassword `
                -Destination (Join-Path $dir 'issued2') -PollingIntervalSec 1
        ", new() { ["id"] = id }).AssertSuccess();
        var result = resumed.Single(ResultType);
        Assert.Equal("Ready", result.Get<object>("Status").ToString());
        Assert.True(result.Get<bool>("KeyMatchesCertificate"));
        Assert.Equal(new[] { 8, 9, 0, 20 }, fx.Sandbox.UcAttachments(id).Select(a => a.FileType));
        var steps = LanguagePrimitivesSteps(result);
        Assert.Contains("archive (skipped)", steps);
        Assert.Contains("signature (skipped)", steps);
    }

    [Fact]
    public void A_missing_passport_scan_is_refused_before_any_request()
    {
        var before = fx.ApiRequests;
        var result = Invoke(@"
            $scans = New-Scans (Join-Path $dir 'noPassport') -Skip 'Паспорт'
            Submit-UcRequest @person -ScanPath $scans -Operator $operator -KeyPath (Join-Path $dir 'x.key') -KeyPassword $keyPassword
        ");
        Assert.Equal(before, fx.ApiRequests);
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("Uc.InvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains("missing the Паспорт scan", error.ToString());
        Assert.False(File.Exists(Path.Combine(files.Root, "x.key")));
    }

    [Fact]
    public void Requests_are_created_read_listed_changed_and_archived()
    {
        var result = Invoke(@"
            $created = New-UcRequest @person
            $created
            Start-Sleep -Milliseconds 200
            $view = Get-UcRequest -RequestId $created.RequestId
            $view
            @(Get-UcRequest -LastName 'Петров' | Where-Object RequestId -eq $created.RequestId).Count
            $changed = $person.Clone(); $changed.City = 'Арзамас'
            Set-UcRequest -RequestId $created.RequestId @changed -Confirm:$false
            Start-Sleep -Milliseconds 200
            (Get-UcRequest -RequestId $created.RequestId).Info.City
            Set-UcRequest -RequestId $created.RequestId -Archive -Confirm:$false
            @(Get-UcRequest -LastName 'Петров' | Where-Object RequestId -eq $created.RequestId).Count
            @(Get-UcRequest -LastName 'Петров' -IncludeArchived | Where-Object RequestId -eq $created.RequestId).Count
        ").AssertSuccess();
        var requests = result.Output.OfType(RequestType);
        Assert.True(requests[0].Get<long>("RequestId") > 0);
        Assert.Equal("SendingDocuments", requests[1].Get<object>("Status").ToString());
        Assert.Equal("Петров Акакий Валентинович", requests[1].Get<string>("FullName"));
        var numbers = result.Output.Where(o => o.BaseObject is int || o.BaseObject is string).Select(o => o.BaseObject.ToString()).ToList();
        Assert.Equal(new[] { "1", "Арзамас", "0", "1" }, numbers);
    }

    [Theory]
    [InlineData("$p = $person.Clone(); $p.Snils = '112-233-445 96'; New-UcRequest @p", "Snils", "checksum")]
    [InlineData("$p = $person.Clone(); $p.Inn = '500100732250'; New-UcRequest @p", "Inn", "checksum")]
    [InlineData("$p = $person.Clone(); $p.Type = 'Entrepreneur'; New-UcRequest @p", "Ogrnip", "is required")]
    [InlineData("$p = $person.Clone(); $p.Type = 'LegalEntity'; New-UcRequest @p", "Ogrn", "is required")]
    [InlineData("$p = $person.Clone(); $p.IdSmevEgrul = 5; New-UcRequest @p", "IdSmevEGRUL", "legal entity")]
    [InlineData("$p = $person.Clone(); $p.PassportCode = '52000'; New-UcRequest @p", "PassportCode", "")]
    public void Bad_fields_are_refused_before_any_request(string script, string field, string rule)
    {
        var before = fx.ApiRequests;
        var result = Invoke(script);
        Assert.Equal(before, fx.ApiRequests);
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("Uc.InvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains(field, error.ToString());
        Assert.Contains(rule, error.ToString());
    }

    [Fact]
    public void Rows_with_the_specs_dates_and_names_bind_from_the_pipeline()
    {
        var result = Invoke(@"
            [pscustomobject]@{ type = 1; lastName = 'Сидоров'; firstName = 'Иван'; gender = 'М'; birthDate = '02.09.1990'
                passportSerial = '2210'; passportNumber = '123124'; passportDate = '20.02.2011'; passportCode = '520 000'; passportDivision = 'ОВД 1'
                snils = '11223344595'; inn = '500100732259'; region = 52; city = 'Арзамас'; address = 'Ленина 1' } | New-UcRequest
        ").AssertSuccess();
        var info = result.Single(RequestType).Properties["Info"].Value;
        var birth = (DateTime)System.Management.Automation.PSObject.AsPSObject(info).Properties["BirthDate"].Value;
        Assert.Equal(new DateTime(1990, 9, 2), birth);
    }

    [Fact]
    public void Continuing_a_request_refuses_new_request_fields_and_never_overwrites_a_foreign_key()
    {
        var before = fx.ApiRequests;
        var withFields = Invoke("Submit-UcRequest -RequestId 5 -City Тверь -Operator $operator -KeyPath (Join-Path $dir 'a.key') -KeyPassword $keyPassword");
        Assert.Equal(before, fx.ApiRequests);
        Assert.Contains("-City", Assert.Single(withFields.AllErrors).ToString());

        File.WriteAllText(Path.Combine(files.Root, "precious.key"), "someone else's key");
        var result = Invoke(@"
            $scans = New-Scans (Join-Path $dir 'scans')
            Submit-UcRequest @person -ScanPath $scans -Operator $operator -KeyPath (Join-Path $dir 'precious.key') -KeyPassword $keyPassword -PollingIntervalSec 1
        ");
        Assert.Contains("precious.key", Assert.Single(result.AllErrors).ToString());
        Assert.Equal("someone else's key", File.ReadAllText(Path.Combine(files.Root, "precious.key")));
    }

    [Fact]
    public void The_password_never_reaches_any_stream()
    {
        var result = Invoke(@"
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
            $s = Connect-UcService -BaseUri $u -Credential (New-Object pscredential($user, (ConvertTo-SecureString $pass -AsPlainText -Force))) -PassThru
            $s; $s | Format-List * -Force | Out-String; $s | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
            $created = New-UcRequest @person
            Get-UcRequest -RequestId 999999 -ErrorAction Continue
            Connect-UcService -BaseUri $u -Credential (New-Object pscredential($user, (ConvertTo-SecureString 'wrong-password-42' -AsPlainText -Force))) -ErrorAction Continue
            $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
        ", new() { ["u"] = fx.ApiUri, ["user"] = fx.Manager.Login, ["pass"] = fx.Manager.Password });
        fx.ConnectUc();
        Assert.NotEmpty(result.AllErrors);
        Assert.NotEmpty(result.Debug);
        var everything = result.Everything();
        Assert.DoesNotContain(fx.Manager.Password, everything);
        Assert.DoesNotContain("wrong-password-42", everything);
    }

    private static long ExtractRequestId(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"-RequestId (\d+)");
        return match.Success ? long.Parse(match.Groups[1].Value) : 0;
    }

    private static List<string> LanguagePrimitivesSteps(System.Management.Automation.PSObject result) =>
        System.Management.Automation.LanguagePrimitives.GetEnumerable(result.Properties["Steps"].Value)!.Cast<object>()
            .Select(o => System.Management.Automation.PSObject.AsPSObject(o))
            .Select(s => s.Properties["Step"].Value + (((bool)s.Properties["Skipped"].Value) ? " (skipped)" : string.Empty)).ToList();
}
