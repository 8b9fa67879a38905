using System.Management.Automation;
using GosApi.PowerShell.Tests.Infrastructure;
using GosApi.Sandbox.Esia;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>Request XML checked against the service's XSD set, the order id put into it, then signed, packed and sent.</summary>
public sealed class EpguRequestXmlTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguRequestXmlTests(SandboxFixture fx)
    {
        this.fx = fx;
        fx.Sandbox.ClearRequests();
        // the sample XSD set of the Core tests, copied next to the test assembly
        foreach (var xsd in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Epgu", "Schemas"), "*.xsd", SearchOption.AllDirectories))
        {
            var target = Path.Combine(files.Root, "xsd", Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Epgu", "Schemas"), xsd));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(xsd, target);
        }
    }

    public void Dispose() => files.Dispose();

    private const string Good = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Request xmlns=\"urn:gosapi:test:request:1.0.0\" version=\"1\">\n  <OrderId></OrderId>\n  <Snils>123-456-789 01</Snils>\n  <DocumentKind>passport</DocumentKind>\n  <Amount>10.50</Amount>\n</Request>\n";
    private const string Bad = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Request xmlns=\"urn:gosapi:test:request:1.0.0\" version=\"1\">\n  <OrderId>1</OrderId>\n  <Snils>12345678901</Snils>\n  <DocumentKind>visa</DocumentKind>\n  <Amount>10</Amount>\n</Request>\n";

    private HostedResult Run(string script, Dictionary<string, object>? vars = null)
    {
        vars ??= new Dictionary<string, object>();
        vars["dir"] = files.Root;
        return fx.Engine.Invoke("Set-Location $dir\n" + script, vars);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(files.Root, name), content, new System.Text.UTF8Encoding(false));

    [Fact]
    public void Test_reports_each_error_of_a_bad_file_with_line_and_position()
    {
        Write("good.xml", Good);
        Write("bad.xml", Bad);
        var result = Run("Test-EpguRequestXml -Path *.xml -SchemaPath xsd/request.xsd");

        var reports = result.Output.OfType("GosApi.Epgu.Xml.EpguXmlValidationResult").ToList();
        Assert.Equal(2, reports.Count);
        var bad = reports.Single(r => r.Get<string>("Path").EndsWith("bad.xml"));
        Assert.False(bad.Get<bool>("IsValid"));
        var errors = bad.Get<PSObject[]>("Errors");
        Assert.Equal(new[] { 4, 5 }, errors.Select(e => e.Get<int>("Line")).ToArray());
        Assert.All(errors, e => Assert.True(e.Get<int>("Position") > 0));
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("Epgu.InvalidRequestXml", error.FullyQualifiedErrorId);
        Assert.Contains("line 5", error.ToString());

        var quiet = Run("Test-EpguRequestXml good.xml, bad.xml xsd/request.xsd -Quiet -ErrorAction SilentlyContinue").Output.Select(o => o.BaseObject).ToArray();
        Assert.Equal(new object[] { true, false }, quiet);
    }

    [Fact]
    public void A_schema_that_does_not_compile_is_a_clear_error()
    {
        Write("good.xml", Good);
        Write("broken.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"A\" type=\"xs:nosuch\"/>\n</xs:schema>");
        var error = Assert.Single(Run("Test-EpguRequestXml good.xml -SchemaPath broken.xsd").AllErrors);
        Assert.StartsWith("Epgu.InvalidSchema", error.FullyQualifiedErrorId);
        Assert.Contains("broken.xsd (line 2", error.ToString());
    }

    [Fact]
    public void Nothing_is_packed_when_a_file_does_not_match_the_schemas()
    {
        Write("req.xml", Bad);
        var result = Run("New-EpguPackage req.xml order.zip -SchemaPath xsd/request.xsd");
        Assert.Contains(result.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("Epgu.InvalidRequestXml") && e.ToString().Contains("line 4"));
        Assert.False(File.Exists(Path.Combine(files.Root, "order.zip")));
        Assert.Empty(Directory.GetFiles(files.Root, "*.partial-*"));
    }

    [Fact]
    public void Update_refuses_a_missing_node_and_a_signed_file_and_honours_WhatIf()
    {
        Write("req.xml", Good);
        var result = Run("Update-EpguRequestXml req.xml -OrderId 5 -XPath '//OrderId'");
        Assert.StartsWith("Epgu.XPathNotFound", Assert.Single(result.AllErrors).FullyQualifiedErrorId);

        Run("Update-EpguRequestXml req.xml -OrderId 5 -XPath '//r:OrderId' -Namespace @{ r = 'urn:gosapi:test:request:1.0.0' } -WhatIf").AssertSuccess();
        Assert.Equal(Good, File.ReadAllText(Path.Combine(files.Root, "req.xml")));

        File.WriteAllBytes(Path.Combine(files.Root, "req.xml.sig"), new byte[] { 1 });
        result = Run("Update-EpguRequestXml req.xml -OrderId 5 -XPath '//r:OrderId' -Namespace @{ r = 'urn:gosapi:test:request:1.0.0' }");
        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("Epgu.SignatureWouldBeInvalidated", error.FullyQualifiedErrorId);
        Assert.Equal(Good, File.ReadAllText(Path.Combine(files.Root, "req.xml")));

        result = Run("Update-EpguRequestXml req.xml -OrderId 5 -XPath '//r:OrderId' -Namespace @{ r = 'urn:gosapi:test:request:1.0.0' } -Force -PassThru").AssertSuccess();
        Assert.Equal(5L, result.Single("GosApi.Epgu.Xml.EpguRequestXmlUpdate").Get<long>("OrderId"));
        Assert.Contains(result.Warnings, w => w.Contains("req.xml.sig"));
        Assert.False(File.Exists(Path.Combine(files.Root, "req.xml.sig")));
        Assert.Equal(Good.Replace("<OrderId></OrderId>", "<OrderId>5</OrderId>"), File.ReadAllText(Path.Combine(files.Root, "req.xml")));
    }

    [Fact]
    public void Order_id_then_schema_check_and_signing_yield_an_archive_the_sandbox_accepts()
    {
        var key = fx.Sandbox.RegisterApiKey();
        var certificate = fx.Sandbox.IssueTestCertificate(new TestCertificateRequest { CommonName = "ООО Ромашка", Password = "Pfx-Secret-7" });
        File.WriteAllBytes(Path.Combine(files.Root, "org.pfx"), certificate.Pkcs12!);
        File.WriteAllBytes(Path.Combine(files.Root, "sandbox-ca.cer"), fx.Sandbox.EsiaCaCertificate);
        Write("req.xml", Good);

        var result = Run(@"
            $org = Import-GostCertificate org.pfx -Password (ConvertTo-SecureString 'Pfx-Secret-7' -AsPlainText -Force)
            $session = Connect-Epgu -BaseUri $baseUri -ApiKey (ConvertTo-SecureString $apiKey -AsPlainText -Force) -SignWith $org -RetryDelay 00:00:00.05
            $order = New-EpguOrder -ServiceCode 10000001020 -TargetCode -10000001020 -Region 45000000000
            $order.OrderId
            Update-EpguRequestXml req.xml -OrderId $order.OrderId -XPath '/r:Request/r:OrderId' -Namespace @{ r = 'urn:gosapi:test:request:1.0.0' }
            Test-EpguRequestXml req.xml -SchemaPath xsd/request.xsd -Quiet
            $package = New-EpguPackage req.xml -Destination signed.zip -SchemaPath xsd/*.xsd -SignWith $org
            $package.Files -join ','
            Test-EpguPackage signed.zip -RequireSignatures -TrustedRoot sandbox-ca.cer -Quiet
            $upload = $order | Send-EpguPackage -Path signed.zip -Chunked
            ($upload | Wait-EpguOrder -Timeout 60 -PollIntervalSec 0.2).StatusId",
            new Dictionary<string, object> { ["baseUri"] = fx.Sandbox.BaseUri, ["apiKey"] = key.ApiKey }).AssertSuccess();

        var orderId = Convert.ToInt64(result.Output[0].BaseObject);
        Assert.Contains($"<OrderId>{orderId}</OrderId>", File.ReadAllText(Path.Combine(files.Root, "req.xml")));
        Assert.True(result.Output[1].BaseObject is true);
        Assert.Equal("req.xml,req.xml.sig", result.Output[2].ToString());
        Assert.True(result.Output[3].BaseObject is true);
        Assert.Equal(200, fx.Sandbox.Requests.Last(r => r.Path == "/api/gusmev/push/chunked").StatusCode);
        Assert.Equal(3, Convert.ToInt32(result.Output[4].BaseObject));
    }
}
