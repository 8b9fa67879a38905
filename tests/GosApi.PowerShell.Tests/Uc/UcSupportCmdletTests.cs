using System.Management.Automation;
using System.Text;
using System.Text.Json.Nodes;
using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox;
using GosApi.Sandbox.Esia;

namespace GosApi.PowerShell.Tests.Uc;

/// <summary>
/// A sandbox with its own УЦ manager (a password to look for in every stream), an operator PFX of the test CA for
/// the archive signature, and the engine connected. The clock runs at 10×: status 22 lasts one real second, so a
/// request just created is reliably seen in it.
/// </summary>
public class UcSupportFixture : SandboxFixture
{
    public const string Password = "Uc-Manager-Secret-4711";
    public const string PfxPassword = "Support-Operator-Pfx-3";
    public const string Connect = "Connect-UcService -BaseUri $u -Credential (New-Object pscredential($user, (ConvertTo-SecureString $pass -AsPlainText -Force))) -RetryDelay 00:00:00.05";

    public UcManager Manager { get; private set; } = null!;
    public TestFiles Files { get; } = new();
    public Uri ApiUri => new(Sandbox.BaseUri, "api/external/v2/");
    public string OperatorPfx => Path.Combine(Files.Root, "operator.pfx");

    protected override SandboxOptions CreateOptions() => new() { ClockSpeed = 10 };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Manager = Sandbox.RegisterUcManager("support.manager@sandbox.test", Password);
        var operatorCertificate = Sandbox.IssueTestCertificate(new TestCertificateRequest { CommonName = "Оператор УЦ (support)", Password = PfxPassword });
        File.WriteAllBytes(OperatorPfx, operatorCertificate.Pkcs12!);
        Engine.Invoke(Connect + " | Out-Null", new Dictionary<string, object> { ["u"] = ApiUri, ["user"] = Manager.Login, ["pass"] = Password }).AssertSuccess();
    }

    /// <summary>request/create straight over HTTP (the spec's body for a ФЛ), independent of New-UcRequest; returns the id.</summary>
    public long CreateRequest(string lastName = "Петров", params int[] products)
    {
        var info = new JsonObject
        {
            ["firstName"] = "Акакий", ["middleName"] = "Валентинович", ["lastName"] = lastName, ["gender"] = "M",
            ["passportSerial"] = "2210", ["passportNumber"] = "123123", ["passportDate"] = "20.02.2011", ["passportCode"] = "520000",
            ["passportDivision"] = "ОВД 1", ["birthDate"] = "02.09.1990", ["inn"] = "500100732259", ["snils"] = "11223344595",
            ["email"] = "petrov@example.ru", ["phone"] = "9202923333", ["region"] = "52", ["city"] = "Нижний Новгород",
            ["address"] = "Минина 26-111", ["type"] = 1, ["offerJoining"] = true, ["identificationKind"] = 0,
            ["products"] = new JsonArray((products.Length == 0 ? new[] { 224 } : products).Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
        };
        var body = new JsonObject { ["login"] = Manager.Login, ["pass"] = Password, ["info"] = info };
        using var http = new HttpClient();
        using var response = http.PostAsync(new Uri(ApiUri, "request/create"), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(response.IsSuccessStatusCode, $"request/create: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["requestId"]!.GetValue<long>();
    }

    /// <summary>Calls of one method of the API so far.</summary>
    public int Calls(string method) => Sandbox.Requests.Count(r => r.Path.Equals("/api/external/v2/" + method, StringComparison.OrdinalIgnoreCase));

    public int ApiRequests => Sandbox.Requests.Count(r => r.Path.StartsWith("/api/external/v2/", StringComparison.Ordinal));

    public override async ValueTask DisposeAsync()
    {
        Files.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>The УЦ support cmdlets (status, wait, files, certificate, products, result, client documents, FNS search) against the sandbox.</summary>
public sealed class UcSupportCmdletTests : IClassFixture<UcSupportFixture>, IDisposable
{
    private const string StatusType = "GosApi.Uc.Models.UcStatusEntry";
    private const string ProductType = "GosApi.Uc.Models.UcProduct";
    private const string FileType = "GosApi.Uc.Models.UcFile";
    private const string FnsType = "GosApi.Uc.Models.UcFnsCertificate";
    private const string BigOgrn = "1027700132195";
    private readonly UcSupportFixture fx;
    private readonly TestFiles files = new();

    public UcSupportCmdletTests(UcSupportFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.Sandbox.Faults.Clear();
        files.Dispose();
    }

    private HostedResult Invoke(string script, Dictionary<string, object>? variables = null)
    {
        var all = new Dictionary<string, object> { ["dir"] = files.Root, ["pfx"] = fx.OperatorPfx, ["pfxPassword"] = UcSupportFixture.PfxPassword };
        if (variables != null) foreach (var pair in variables) all[pair.Key] = pair.Value;
        return fx.Engine.Invoke(script, all);
    }

    private string Archive(string name = "documents.zip") => files.Zip(name,
        ("Заявление на выпуск.pdf", Encoding.UTF8.GetBytes("заявление " + Guid.NewGuid())),
        ("Паспорт.pdf", Encoding.UTF8.GetBytes("паспорт " + Guid.NewGuid())),
        ("СНИЛС.pdf", Encoding.UTF8.GetBytes("снилс " + Guid.NewGuid())),
        ("Фото.jpg", Encoding.UTF8.GetBytes("фото " + Guid.NewGuid())),
        ("Application_signed.pdf", Encoding.UTF8.GetBytes("подписанное заявление " + Guid.NewGuid())));

    private static int StatusId(PSObject entry) => entry.Get<int>("StatusId");

    [Fact]
    public void Statuses_of_many_requests_come_from_one_call_in_the_order_asked()
    {
        var a = fx.CreateRequest();
        var b = fx.CreateRequest();
        var c = fx.CreateRequest();
        var before = fx.Calls("request/status");
        var result = Invoke(@"
            @($a, [pscustomobject]@{ RequestId = $b }, [pscustomobject]@{ Id = $c }, 999999, $a) | Get-UcRequestStatus
        ", new() { ["a"] = a, ["b"] = b, ["c"] = c }).AssertSuccess();

        Assert.Equal(before + 1, fx.Calls("request/status"));
        var entries = result.Output.OfType(StatusType);
        Assert.Equal(new[] { a, b, c, 999999L }, entries.Select(e => e.Get<long>("RequestId")));
        // Just created: «Обработка системы» for a (sandbox) while.
        foreach (var fresh in entries.Take(3))
        {
            Assert.Equal(22, StatusId(fresh));
            Assert.Equal("SystemProcessing", fresh.Get<object>("Status").ToString());
            Assert.Equal("Обработка системы", fresh.Get<string>("Meaning"));
        }
        Assert.Equal(0, StatusId(entries[3]));
        Assert.Equal("NoData", entries[3].Get<object>("Status").ToString());
        Assert.StartsWith("Нет данных", entries[3].Get<string>("Meaning"));

        var table = Invoke("Get-UcRequestStatus -RequestId $a | Out-String", new() { ["a"] = a }).AssertSuccess();
        Assert.Contains(a.ToString(), table.Output.Single().ToString());
    }

    [Fact]
    public void More_than_500_ids_are_asked_for_in_calls_of_500()
    {
        var before = fx.Calls("request/status");
        var result = Invoke("1..1200 | Get-UcRequestStatus").AssertSuccess();
        Assert.Equal(before + 3, fx.Calls("request/status"));
        var entries = result.Output.OfType(StatusType);
        Assert.Equal(1200, entries.Count);
        Assert.All(entries, e => Assert.Equal(0, StatusId(e)));
    }

    [Fact]
    public void Wait_returns_at_the_asked_status_and_a_timeout_names_the_request_and_its_status()
    {
        var id = fx.CreateRequest();
        var reached = Invoke(@"
            [pscustomobject]@{ RequestId = $id } | Wait-UcRequest -Status SendingDocuments -PollingIntervalSec 1 -TimeoutSec 30
        ", new() { ["id"] = id }).AssertSuccess();
        var entry = reached.Single(StatusType);
        Assert.Equal(1, StatusId(entry));
        Assert.Equal("Отправка документов", entry.Get<string>("Meaning"));
        Assert.NotEmpty(reached.Progress);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timedOut = Invoke("Wait-UcRequest -RequestId $id -TimeoutSec 1 -PollingIntervalSec 1", new() { ["id"] = id }).AssertSuccessExceptErrors();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        Assert.Equal(1, StatusId(timedOut.Single(StatusType)));
        var error = Assert.Single(timedOut.Errors);
        Assert.StartsWith("Uc.WaitTimeout", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains(id.ToString(), error.ToString());
        Assert.Contains("Отправка документов", error.ToString());
    }

    [Fact]
    public void Wait_stops_at_a_refusal_by_default()
    {
        var id = fx.CreateRequest();
        Invoke("Wait-UcRequest -RequestId $id -Status SendingDocuments -PollingIntervalSec 1", new() { ["id"] = id }).AssertSuccess();
        fx.Sandbox.RefuseUcRequest(id, "Паспорт не читается");
        var result = Invoke("Wait-UcRequest -RequestId $id -PollingIntervalSec 1 -TimeoutSec 30", new() { ["id"] = id }).AssertSuccess();
        Assert.Equal(5, StatusId(result.Single(StatusType)));
    }

    [Fact]
    public void Archive_and_signature_then_a_certificate_make_the_request_ready_and_its_result_is_saved()
    {
        var id = fx.CreateRequest("Сидоров", 224, 226);
        var archive = Archive();
        var issued = fx.Sandbox.IssueTestCertificate(new TestCertificateRequest { CommonName = "Сидоров Акакий Валентинович" });
        var pem = Path.Combine(files.Root, "ready.pem");
        File.WriteAllText(pem, issued.CertificatePem);

        var result = Invoke(@"
            $operator = Import-GostCertificate -Path $pfx -Password (ConvertTo-SecureString $pfxPassword -AsPlainText -Force)
            Wait-UcRequest -RequestId $id -Status SendingDocuments -PollingIntervalSec 1 | Out-Null
            Add-UcRequestFile -RequestId $id -Path $archive -FileType DocumentsArchive
            $signature = (New-GostSignature -LiteralPath $archive -SignWith $operator).SignaturePath
            Add-UcRequestFile -RequestId $id -Path $signature -FileType 9 -FileName 'documents.zip.sig' -PassThru
            Wait-UcRequest -RequestId $id -Status GeneratingRequest -PollingIntervalSec 1
            Add-UcRequestCertificate -RequestId $id -Path $pem -PassThru
        ", new() { ["id"] = id, ["archive"] = archive, ["pem"] = pem }).AssertSuccess();

        var statuses = result.Output.OfType(StatusType);
        Assert.Equal(3, statuses.Count);
        Assert.Contains(StatusId(statuses[0]), new[] { 22, 2 }); // after the signature: processing, then «Генерация запроса»
        Assert.Equal(2, StatusId(statuses[1]));
        Assert.Equal(4, StatusId(statuses[2]));
        var attached = fx.Sandbox.UcAttachments(id);
        Assert.Equal(new[] { 8, 9 }, attached.Select(a => a.FileType));
        Assert.Equal("documents.zip", attached[0].FileName);
        Assert.Equal("documents.zip.sig", attached[1].FileName);
        Assert.Equal(new FileInfo(archive).Length, attached[0].Size);

        // The result, piped by RequestId: certificate, print form and the CryptoPro licence of product 226.
        var destination = Path.Combine(files.Root, "result");
        var saved = Invoke("Get-UcRequestStatus -RequestId $id | Save-UcRequestResult -Destination $destination",
            new() { ["id"] = id, ["destination"] = destination }).AssertSuccess();
        Assert.Equal(3, saved.Output.Count);
        Assert.All(saved.Output, o => Assert.IsType<FileInfo>(o.BaseObject));
        var byKind = saved.Output.ToDictionary(o => o.Get<string>("Kind"), o => (FileInfo)o.BaseObject);
        Assert.Equal(new[] { "Certificate", "License", "PrintForm" }, byKind.Keys.OrderBy(k => k));
        Assert.Equal(".cer", byKind["Certificate"].Extension);
        Assert.Equal(issued.Certificate, File.ReadAllBytes(byKind["Certificate"].FullName)); // PEM sent, DER kept
        Assert.StartsWith("%PDF", File.ReadAllText(byKind["PrintForm"].FullName));
        Assert.Contains("CRYPTO PRO KEY", File.ReadAllText(byKind["License"].FullName));
        Assert.All(byKind.Values, f => Assert.Equal(destination, f.DirectoryName));

        // Not again without -Force: every file is an error and nothing is overwritten.
        File.WriteAllText(byKind["PrintForm"].FullName, "local edit");
        var again = Invoke("Save-UcRequestResult -RequestId $id -Destination $destination", new() { ["id"] = id, ["destination"] = destination }).AssertSuccessExceptErrors();
        Assert.Empty(again.Output);
        Assert.Equal(3, again.Errors.Count);
        Assert.All(again.Errors, e => Assert.StartsWith("Uc.IOError", e.FullyQualifiedErrorId));
        Assert.Contains("-Force", again.Errors[0].ToString());
        Assert.Equal("local edit", File.ReadAllText(byKind["PrintForm"].FullName));
        var forced = Invoke("Save-UcRequestResult $id $destination -Force", new() { ["id"] = id, ["destination"] = destination }).AssertSuccess();
        Assert.Equal(3, forced.Output.Count);
        Assert.StartsWith("%PDF", File.ReadAllText(byKind["PrintForm"].FullName));
    }

    [Fact]
    public void Client_documents_are_written_as_objects_or_saved_and_extra_documents_come_back()
    {
        var id = fx.CreateRequest("Кузнецов");
        var extra = files.Zip("extra.zip", ("Доп.pdf", Encoding.UTF8.GetBytes("доп " + Guid.NewGuid())));
        var result = Invoke(@"
            Wait-UcRequest -RequestId $id -Status SendingDocuments -PollingIntervalSec 1 | Out-Null
            Add-UcRequestFile $id $extra ExtraDocuments
            Get-UcClientDocument -RequestId $id -FileType 17
            Get-UcClientDocument -RequestId $id -FileType Application
            Get-UcClientDocument -RequestId $id -FileType 3 | Out-String
        ", new() { ["id"] = id, ["extra"] = extra }).AssertSuccess();
        var documents = result.Output.OfType(FileType);
        Assert.Equal(2, documents.Count);
        Assert.Equal("extra.zip", documents[0].Get<string>("Name"));
        Assert.Equal(File.ReadAllBytes(extra), documents[0].Get<byte[]>("Content"));
        Assert.Equal("ExtraDocuments", documents[0].Get<string>("Kind"));
        Assert.Equal("Application", documents[1].Get<string>("Kind"));
        Assert.Equal(1, documents[1].Get<int>("Type"));
        Assert.Contains("Bill", result.Output.Last().ToString());

        var destination = Path.Combine(files.Root, "docs");
        var saved = Invoke("Get-UcClientDocument -RequestId $id -FileType Bill -Destination $destination", new() { ["id"] = id, ["destination"] = destination }).AssertSuccess();
        var file = (FileInfo)Assert.Single(saved.Output).BaseObject;
        Assert.Equal("Bill", saved.Output[0].Get<string>("Kind"));
        Assert.Equal(destination, file.DirectoryName);
        Assert.StartsWith("%PDF", File.ReadAllText(file.FullName));
        var refused = Invoke("Get-UcClientDocument -RequestId $id -FileType Bill -Destination $destination", new() { ["id"] = id, ["destination"] = destination }).AssertSuccessExceptErrors();
        Assert.StartsWith("Uc.IOError", Assert.Single(refused.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void WhatIf_attaches_nothing()
    {
        var id = fx.CreateRequest();
        var archive = Archive();
        var pem = Path.Combine(files.Root, "c.pem");
        File.WriteAllText(pem, fx.Sandbox.IssueTestCertificate().CertificatePem);
        var before = fx.ApiRequests;
        var result = Invoke(@"
            Add-UcRequestFile -RequestId $id -Path $archive -FileType 8 -WhatIf
            Add-UcRequestCertificate -RequestId $id -Path $pem -WhatIf
        ", new() { ["id"] = id, ["archive"] = archive, ["pem"] = pem }).AssertSuccess();
        Assert.Equal(before, fx.ApiRequests);
        Assert.Empty(result.Output);
        Assert.Contains("Attach file", result.HostText);
        Assert.Contains("Attach certificate", result.HostText);
    }

    [Fact]
    public void Out_of_order_files_and_results_are_the_services_errors_with_the_request_id()
    {
        var id = fx.CreateRequest();
        var signature = Path.Combine(files.Root, "early.p7s");
        File.WriteAllBytes(signature, new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 });
        var result = Invoke(@"
            Wait-UcRequest -RequestId $id -Status SendingDocuments -PollingIntervalSec 1 | Out-Null
            Add-UcRequestFile -RequestId $id -Path $signature -FileType ArchiveSignature
            Save-UcRequestResult -RequestId $id -Destination (Join-Path $dir 'none')
        ", new() { ["id"] = id, ["signature"] = signature }).AssertSuccessExceptErrors();
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("Uc.500", e.FullyQualifiedErrorId));
        Assert.Contains("тип 8", result.Errors[0].ToString());
        Assert.Contains("Готово", result.Errors[1].ToString());
        Assert.False(Directory.Exists(Path.Combine(files.Root, "none")));
    }

    [Fact]
    public void Products_are_read_once_and_filtered_here_by_name_and_id()
    {
        var before = fx.Calls("products");
        var result = Invoke(@"
            @(Get-UcProduct).Count
            Get-UcProduct -Name '*рутокен*'
            Get-UcProduct -Id 226, 224
            Get-UcProduct -Id 9999
            Get-UcProduct | Out-String
        ").AssertSuccessExceptErrors();
        Assert.Equal(before + 5, fx.Calls("products"));
        Assert.Equal(3, LanguagePrimitives.ConvertTo<int>(result.Output[0]));
        var products = result.Output.OfType(ProductType);
        Assert.Equal(new[] { 231, 224, 226 }, products.Select(p => p.Get<int>("Id")));
        Assert.Equal(1000m, products[2].Get<decimal>("PricePerson"));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Uc.ProductNotFound", error.FullyQualifiedErrorId);
        Assert.Contains("Рутокен", result.Output.Last().ToString());
    }

    [Fact]
    public void Fns_search_pages_through_every_result_and_stops_when_the_pipeline_stops()
    {
        var before = fx.Calls("fns/find");
        var all = Invoke("Find-UcFnsCertificate -Ogrn $ogrn", new() { ["ogrn"] = BigOgrn }).AssertSuccess();
        var found = all.Output.OfType(FnsType);
        Assert.Equal(250, found.Count);
        Assert.Equal(250, found.Select(f => f.Get<string>("SerialNumber")).Distinct().Count());
        Assert.Equal(before + 3, fx.Calls("fns/find")); // 100 + 100 + 50

        before = fx.Calls("fns/find");
        var first = Invoke("Find-UcFnsCertificate -Inn 7707083893 | Select-Object -First 3").AssertSuccess();
        Assert.Equal(3, first.Output.OfType(FnsType).Count);
        Assert.Equal(before + 1, fx.Calls("fns/find"));

        var spec = Invoke(@"
            [pscustomobject]@{ Snils = '475-411-490 89' } | Find-UcFnsCertificate
            Find-UcFnsCertificate -SerialNumber '28 34 a9 00 c1 ae 53 b8 47 5a c1 e4 67 f7 4e 39' | Out-String
        ").AssertSuccess();
        var example = spec.Single(FnsType);
        Assert.Equal("2834A900C1AE53B8475AC1E467F74E39", example.Get<string>("SerialNumber"));
        Assert.Equal("Иванов", example.Get<string>("SurName"));
        Assert.Contains("2834A900C1AE53B8475AC1E467F74E39", spec.Output.Last().ToString());
    }

    [Fact]
    public void Bad_input_is_refused_before_any_request()
    {
        var before = fx.ApiRequests;
        var result = Invoke(@"
            Find-UcFnsCertificate -Snils 12345678901
            Find-UcFnsCertificate
            Find-UcFnsCertificate -SerialNumber ABC
            Add-UcRequestFile -RequestId 1370 -Path (Join-Path $dir 'missing.zip') -FileType DocumentsArchive
            Add-UcRequestCertificate -RequestId 1370 -Path (Join-Path $dir 'missing.cer')
            Get-UcRequestStatus -RequestId 0
            Save-UcRequestResult -RequestId -5 -Destination $dir
        ").AssertSuccessExceptErrors();
        Assert.Equal(before, fx.ApiRequests);
        var ids = result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToArray();
        Assert.Equal(new[] { "Uc.InvalidArgument", "Uc.InvalidArgument", "Uc.InvalidArgument", "Uc.FileNotFound", "Uc.FileNotFound", "Uc.InvalidArgument", "Uc.InvalidArgument" }, ids);
        Assert.Contains("Snils", result.Errors[0].ToString());

        var binding = Invoke("Add-UcRequestFile -RequestId 1370 -Path $pfx -FileType Bill");
        Assert.Equal(before, fx.ApiRequests);
        var bindingError = Assert.Single(binding.AllErrors);
        Assert.StartsWith("ParameterArgumentValidationError", bindingError.FullyQualifiedErrorId);
        Assert.Contains("FileType", bindingError.ToString());
        var binding2 = Invoke("Get-UcClientDocument -RequestId 1370 -FileType 8");
        Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(binding2.AllErrors).FullyQualifiedErrorId);
        Assert.Equal(before, fx.ApiRequests);
    }

    [Fact]
    public void The_manager_password_never_appears_in_any_stream()
    {
        var id = fx.CreateRequest();
        var result = Invoke(@"
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Get-UcRequestStatus -RequestId $id, 424242
            Wait-UcRequest -RequestId $id -Status SendingDocuments -PollingIntervalSec 1
            Wait-UcRequest -RequestId $id -TimeoutSec 1 -PollingIntervalSec 1
            Get-UcProduct -Id 226
            Find-UcFnsCertificate -Ogrnip 304500116000157
            Find-UcFnsCertificate -Snils 12345678901
            Get-UcClientDocument -RequestId $id -FileType Application
            Save-UcRequestResult -RequestId $id -Destination (Join-Path $dir 'r')
            Get-UcClientDocument -RequestId 999999 -FileType Bill
            $Error | Out-String
        ", new() { ["id"] = id }).AssertSuccessExceptErrors();
        Assert.True(result.Errors.Count >= 4, string.Join("\n", result.Errors));
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("Uc.404", StringComparison.Ordinal));
        Assert.Equal(2, result.Output.OfType(FnsType).Count);
        var everything = result.Everything();
        Assert.DoesNotContain(UcSupportFixture.Password, everything);
    }
}
