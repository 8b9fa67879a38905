using System.Text;
using GosApi.Epgu.Xml;
using GosApi.Errors;
using Xunit;

namespace GosApi.Core.Tests.Epgu.Xml;

/// <summary>Request XML against a service's XSD set (include and import), and the order id written into it without touching anything else.</summary>
public sealed class EpguRequestXmlTests : IDisposable
{
    private static readonly string SchemaDir = Path.Combine(AppContext.BaseDirectory, "Epgu", "Xml", "Schemas");
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    internal const string Good = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Request xmlns="urn:gosapi:test:request:1.0.0" xmlns:a="urn:gosapi:test:address:1.0.0" version="1">
          <OrderId></OrderId>
          <Snils>123-456-789 01</Snils>
          <DocumentKind>passport</DocumentKind>
          <Amount>10.50</Amount>
          <a:Address><a:Okato>45000000000</a:Okato><a:Text>Москва</a:Text></a:Address>
        </Request>
        """;

    internal const string Bad = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Request xmlns="urn:gosapi:test:request:1.0.0">
          <OrderId>-5</OrderId>
          <Snils>12345678901</Snils>
          <DocumentKind>visa</DocumentKind>
          <Amount>ten</Amount>
        </Request>
        """;

    private static EpguXmlSchemas Schemas() => EpguXmlSchemas.Load(new[] { Path.Combine(SchemaDir, "request.xsd") });

    [Fact]
    public void A_good_file_passes_with_includes_and_imports_resolved_relative_to_the_xsd()
    {
        var schemas = Schemas();
        Assert.Contains("urn:gosapi:test:request:1.0.0", schemas.Namespaces);
        Assert.Contains("urn:gosapi:test:address:1.0.0", schemas.Namespaces);
        var result = schemas.Validate(dir.Write("req.xml", Good));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Giving_the_included_files_too_changes_nothing()
    {
        var schemas = EpguXmlSchemas.Load(Directory.GetFiles(SchemaDir, "*.xsd", SearchOption.AllDirectories));
        Assert.True(schemas.Validate(dir.Write("req.xml", Good)).IsValid);
    }

    [Fact]
    public void A_bad_file_reports_every_error_with_its_line_and_position()
    {
        var result = Schemas().Validate(dir.Write("req.xml", Bad));
        Assert.False(result.IsValid);
        var errors = result.Errors.Where(e => e.Severity == EpguXmlSeverity.Error).ToList();
        // the missing required attribute (line 2), the four bad values (lines 3–6), each where it is
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, errors.Select(e => e.Line).ToArray());
        Assert.Contains("version", errors[0].Message);
        // a bad simple value is reported where its element ends (the name in the end tag)
        Assert.Equal(new[] { 16, 23, 23, 16 }, errors.Skip(1).Select(e => e.Position).ToArray());
        Assert.Contains("Snils", errors[2].Message);
        Assert.Contains("visa", errors[3].Message);
        Assert.Contains("ten", errors[4].Message);
        var ex = Assert.Throws<EpguXmlValidationException>(() => Schemas().ValidateAll(new[] { result.Path }));
        Assert.Equal("Epgu.InvalidRequestXml", ex.ErrorId);
        Assert.Contains("line 4, position 23", ex.Message);
    }

    [Fact]
    public void A_root_outside_the_schemas_and_broken_xml_are_errors()
    {
        var other = Schemas().Validate(dir.Write("other.xml", "<Request xmlns=\"urn:other\"/>"));
        Assert.False(other.IsValid);
        Assert.Contains(other.Errors, e => e.Severity == EpguXmlSeverity.Error && e.Message.Contains("{urn:other}Request is not declared"));

        var broken = Schemas().Validate(dir.Write("broken.xml", "<Request xmlns=\"urn:gosapi:test:request:1.0.0\" version=\"1\">\n  <OrderId>1</Order>\n</Request>"));
        Assert.False(broken.IsValid);
        Assert.Contains(broken.Errors, e => e.Line == 2);
    }

    [Fact]
    public void A_schema_that_does_not_compile_is_an_error_naming_the_file_and_line()
    {
        var xsd = dir.Write("broken.xsd", """
            <?xml version="1.0"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x">
              <xs:element name="A" type="xs:nosuchtype"/>
            </xs:schema>
            """);
        var ex = Assert.Throws<GosApiException>(() => EpguXmlSchemas.Load(new[] { xsd }));
        Assert.Equal("Epgu.InvalidSchema", ex.ErrorId);
        Assert.Contains("broken.xsd (line 3", ex.Message);

        var missing = dir.Write("missing-include.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="nowhere.xsd"/>
            </xs:schema>
            """);
        ex = Assert.Throws<GosApiException>(() => EpguXmlSchemas.Load(new[] { missing }));
        Assert.Contains("missing-include.xsd (line 2", ex.Message);
        Assert.Contains("nowhere.xsd", ex.Message);
    }

    private static byte[] Bytes(Encoding encoding, bool bom, string text) =>
        (bom ? encoding.GetPreamble() : Array.Empty<byte>()).Concat(encoding.GetBytes(text)).ToArray();

    public static TheoryData<string, bool> Encodings() => new() { { "utf-8", true }, { "utf-8", false }, { "windows-1251", false } };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Update_keeps_the_encoding_declaration_and_every_other_byte(string name, bool bom)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = name == "utf-8" ? new UTF8Encoding(false) : Encoding.GetEncoding(name);
        var original = Good.Replace("encoding=\"UTF-8\"", $"encoding=\"{(name == "utf-8" ? "UTF-8" : name)}\"").Replace("\n", "\r\n") + "\r\n<!-- комментарий -->\r\n";
        var path = dir.Write("req.xml", Bytes(encoding, bom, original));

        var edit = EpguRequestXmlEdit.Open(path, 764255248, "//r:OrderId", new Dictionary<string, string> { ["r"] = "urn:gosapi:test:request:1.0.0" });
        Assert.Equal(1, edit.Nodes);
        var update = edit.Save(force: false);

        Assert.True(update.Changed);
        Assert.Equal(Bytes(encoding, bom, original.Replace("<OrderId></OrderId>", "<OrderId>764255248</OrderId>")), File.ReadAllBytes(path));
        Assert.True(Schemas().Validate(path).IsValid);

        // the same id again: nothing to write
        Assert.False(EpguRequestXmlEdit.Open(path, 764255248, "//r:OrderId", new Dictionary<string, string> { ["r"] = "urn:gosapi:test:request:1.0.0" }).Save(false).Changed);
    }

    [Fact]
    public void Update_sets_attributes_and_refuses_an_xpath_that_selects_nothing()
    {
        var path = dir.Write("req.xml", "<?xml version=\"1.0\"?>\n<r:Order xmlns:r=\"urn:r\" id=\"\"><r:Id/></r:Order>");
        var ns = new Dictionary<string, string> { ["r"] = "urn:r" };
        EpguRequestXmlEdit.Open(path, 42, "/r:Order/@id | //r:Id", ns).Save(false);
        Assert.Equal("<?xml version=\"1.0\"?>\n<r:Order xmlns:r=\"urn:r\" id=\"42\"><r:Id>42</r:Id></r:Order>", File.ReadAllText(path));

        var ex = Assert.Throws<GosApiException>(() => EpguRequestXmlEdit.Open(path, 42, "//Id", ns));
        Assert.Equal("Epgu.XPathNotFound", ex.ErrorId);
        Assert.Contains("'//Id'", ex.Message);
        Assert.Throws<ArgumentException>(() => EpguRequestXmlEdit.Open(path, 42, "//p:Id"));
        Assert.Throws<ArgumentException>(() => EpguRequestXmlEdit.Open(path, 42, "/r:Order", ns));
    }

    [Fact]
    public void A_signature_next_to_the_file_is_never_silently_invalidated()
    {
        var path = dir.Write("req.xml", "<Order><Id/></Order>");
        var sig = dir.Write("req.xml.sig", new byte[] { 1, 2, 3 });

        var ex = Assert.Throws<GosApiException>(() => EpguRequestXmlEdit.Open(path, 7, "//Id").Save(force: false));
        Assert.Equal("Epgu.SignatureWouldBeInvalidated", ex.ErrorId);
        Assert.Contains("sign", ex.Hint);
        Assert.Equal("<Order><Id/></Order>", File.ReadAllText(path));
        Assert.True(File.Exists(sig));

        var update = EpguRequestXmlEdit.Open(path, 7, "//Id").Save(force: true);
        Assert.Equal(sig, update.RemovedSignature);
        Assert.False(File.Exists(sig));
        Assert.Equal("<Order><Id>7</Id></Order>", File.ReadAllText(path));
    }
}
