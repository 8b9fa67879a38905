using System.Text;
using GosApi.Jws;
using Xunit;

namespace GosApi.Core.Tests.Jws;

public class ElectronicCertificateJwsTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("ИС ЭС shared secret");

    [Fact]
    public void Header_is_the_one_the_spec_fixes()
    {
        var jws = ElectronicCertificateJws.Sign("{\"a\":1}", Secret);
        var header = Encoding.UTF8.GetString(DetachedJwsTests.FromB64Url(jws.Substring(0, jws.IndexOf('.'))));
        Assert.Equal("{\"b64\":false,\"crit\":[\"b64\"],\"typ\":\"JWT\",\"alg\":\"HS512\"}", header);
        Assert.Equal("eyJiNjQiOmZhbHNlLCJjcml0IjpbImI2NCJdLCJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9", jws.Substring(0, jws.IndexOf('.')));
    }

    [Fact]
    public void Reordered_and_reformatted_bodies_give_the_same_signature()
    {
        const string a = "{\"certificates\":[{\"snils\":\"112-233-445 95\",\"amount\":1500.50,\"type\":\"ЕСТР0001\"}],\"requestId\":\"x\"}";
        const string b = "{\n  \"requestId\" : \"x\",\n  \"certificates\" : [ {\n    \"type\" : \"\\u0415\\u0421\\u0422\\u04200001\",\n" +
                         "    \"amount\" : 1.5005e3,\n    \"snils\" : \"112-233-445 95\" } ]\n}";
        var sa = ElectronicCertificateJws.Sign(a, Secret);
        Assert.Equal(sa, ElectronicCertificateJws.Sign(b, Secret));
        Assert.True(ElectronicCertificateJws.Verify(sa, b, Secret, out var reason), reason);
        // The payload is the canonical UTF-8 form.
        Assert.Equal("{\"certificates\":[{\"amount\":1500.5,\"snils\":\"112-233-445 95\",\"type\":\"ЕСТР0001\"}],\"requestId\":\"x\"}",
            Encoding.UTF8.GetString(ElectronicCertificateJws.Payload(b)));
    }

    [Fact]
    public void A_changed_value_fails()
    {
        var jws = ElectronicCertificateJws.Sign("{\"amount\":1500.5}", Secret);
        Assert.False(ElectronicCertificateJws.Verify(jws, "{\"amount\":1500.6}", Secret, out var reason));
        Assert.Contains("does not match", reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n")]
    public void No_body_is_signed_as_the_empty_payload(string? body)
    {
        var jws = ElectronicCertificateJws.Sign(body, Secret);
        Assert.Equal(DetachedJws.Sign(Array.Empty<byte>(), Secret, JwsAlgorithm.HS512, ElectronicCertificateJws.ProtectedHeader), jws);
        Assert.True(ElectronicCertificateJws.Verify(jws, null, Secret, out var reason), reason);
        Assert.False(ElectronicCertificateJws.Verify(jws, "{}", Secret, out _));
    }

    [Fact]
    public void Hs256_signature_is_refused_for_the_service()
    {
        var payload = ElectronicCertificateJws.Payload("{\"a\":1}");
        var jws = DetachedJws.Sign(payload, Secret, JwsAlgorithm.HS256, "{\"b64\":false,\"crit\":[\"b64\"],\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        Assert.False(ElectronicCertificateJws.Verify(jws, "{\"a\":1}", Secret, out var reason));
        Assert.Contains("HS512", reason);
    }

    [Fact]
    public void Missing_signature_and_bad_bodies_fail_with_reasons()
    {
        Assert.False(ElectronicCertificateJws.Verify(null, "{}", Secret, out var reason));
        Assert.Contains("missing", reason);
        var jws = ElectronicCertificateJws.Sign("{}", Secret);
        Assert.False(ElectronicCertificateJws.Verify(jws, "{\"a\":1,\"a\":1}", Secret, out reason));
        Assert.Contains("canonicalised", reason);
        Assert.Throws<FormatException>(() => ElectronicCertificateJws.Sign("{not json", Secret));
    }
}
