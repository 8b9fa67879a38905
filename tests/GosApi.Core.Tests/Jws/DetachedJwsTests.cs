using System.Text;
using GosApi.Jws;
using Xunit;

namespace GosApi.Core.Tests.Jws;

public class DetachedJwsTests
{
    // RFC 7515 Appendix A.1 HMAC key (base64url JWK "k").
    private static readonly byte[] A1Key = FromB64Url(
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    private const string Rfc7797Header = "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}";
    private const string Rfc7797Jws = "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY";
    private static readonly byte[] Rfc7797Payload = Encoding.ASCII.GetBytes("$.02");

    [Fact]
    public void Rfc7797_section_4_vector_signs()
    {
        Assert.Equal(Rfc7797Jws, DetachedJws.Sign(Rfc7797Payload, A1Key, JwsAlgorithm.HS256, Rfc7797Header));
    }

    [Fact]
    public void Rfc7797_section_4_vector_verifies()
    {
        Assert.True(DetachedJws.Verify(Rfc7797Jws, Rfc7797Payload, A1Key, out var reason), reason);
        Assert.Equal("", reason);
        Assert.True(DetachedJws.Verify(Rfc7797Jws, Rfc7797Payload, A1Key, JwsAlgorithm.HS256, out _));
    }

    [Fact]
    public void Expected_algorithm_mismatch_fails()
    {
        Assert.False(DetachedJws.Verify(Rfc7797Jws, Rfc7797Payload, A1Key, JwsAlgorithm.HS512, out var reason));
        Assert.Contains("HS512", reason);
    }

    [Fact]
    public void Hs512_round_trip()
    {
        var key = Encoding.UTF8.GetBytes("shared secret for the electronic certificate service");
        var payload = Encoding.UTF8.GetBytes("{\"a\":\"Привет\"}");
        const string header = "{\"alg\":\"HS512\",\"b64\":false,\"crit\":[\"b64\"]}";
        var jws = DetachedJws.Sign(payload, key, JwsAlgorithm.HS512, header);
        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("", parts[1]);
        Assert.Equal(86, parts[2].Length); // 64-byte MAC
        Assert.True(DetachedJws.Verify(jws, payload, key, out var reason), reason);
    }

    [Fact]
    public void Signing_input_is_the_encoded_header_a_dot_and_the_raw_payload()
    {
        var key = new byte[] { 1, 2, 3 };
        var payload = new byte[] { 0xff, 0x00, (byte)'.' }; // not text, not base64url
        var jws = DetachedJws.Sign(payload, key, JwsAlgorithm.HS512, ElectronicCertificateJws.ProtectedHeader);
        var encodedHeader = jws.Substring(0, jws.IndexOf('.'));
        var input = Encoding.ASCII.GetBytes(encodedHeader + ".").Concat(payload).ToArray();
        using var h = new System.Security.Cryptography.HMACSHA512(key);
        Assert.Equal(encodedHeader + ".." + ToB64Url(h.ComputeHash(input)), jws);
    }

    [Fact]
    public void Tampered_payload_fails()
    {
        Assert.False(DetachedJws.Verify(Rfc7797Jws, Encoding.ASCII.GetBytes("$.03"), A1Key, out var reason));
        Assert.Contains("does not match", reason);
    }

    [Fact]
    public void Wrong_key_fails()
    {
        var key = (byte[])A1Key.Clone();
        key[0] ^= 1;
        Assert.False(DetachedJws.Verify(Rfc7797Jws, Rfc7797Payload, key, out var reason));
        Assert.Contains("does not match", reason);
    }

    [Fact]
    public void Tampered_signature_fails()
    {
        var chars = Rfc7797Jws.ToCharArray();
        chars[^5] = chars[^5] == 'A' ? 'B' : 'A';
        Assert.False(DetachedJws.Verify(new string(chars), Rfc7797Payload, A1Key, out var reason));
        Assert.Contains("does not match", reason);
        // Truncated signature (other length).
        Assert.False(DetachedJws.Verify(Rfc7797Jws.Substring(0, Rfc7797Jws.Length - 4), Rfc7797Payload, A1Key, out reason));
        Assert.NotEqual("", reason);
    }

    [Fact]
    public void Tampered_header_fails_even_when_still_allowed()
    {
        // Same allowed members in another order: a valid header, but the MAC covers the original bytes.
        var other = ToB64Url(Encoding.UTF8.GetBytes("{\"b64\":false,\"alg\":\"HS256\",\"crit\":[\"b64\"]}"));
        var sig = Rfc7797Jws.Substring(Rfc7797Jws.IndexOf("..", StringComparison.Ordinal));
        Assert.False(DetachedJws.Verify(other + sig, Rfc7797Payload, A1Key, out var reason));
        Assert.Contains("does not match", reason);
    }

    [Theory]
    [InlineData("{\"alg\":\"HS256\",\"b64\":true,\"crit\":[\"b64\"]}", "b64")]
    [InlineData("{\"alg\":\"HS256\",\"crit\":[\"b64\"]}", "no b64")]
    [InlineData("{\"alg\":\"HS256\",\"b64\":false}", "no crit")]
    [InlineData("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\",\"exp\"]}", "crit")]
    [InlineData("{\"alg\":\"none\",\"b64\":false,\"crit\":[\"b64\"]}", "alg")]
    [InlineData("{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"]}", "alg")]
    [InlineData("{\"b64\":false,\"crit\":[\"b64\"]}", "no alg")]
    [InlineData("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"x\"}", "unexpected member")]
    [InlineData("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"],\"typ\":\"JOSE\"}", "typ")]
    [InlineData("{\"alg\":\"HS256\",\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", "repeats")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("{alg:1}", "not valid JSON")]
    public void Headers_other_than_the_allowed_ones_fail(string header, string reasonPart)
    {
        var jws = ToB64Url(Encoding.UTF8.GetBytes(header)) + ".." + Rfc7797Jws.Substring(Rfc7797Jws.IndexOf("..", StringComparison.Ordinal) + 2);
        Assert.False(DetachedJws.Verify(jws, Rfc7797Payload, A1Key, out var reason));
        Assert.Contains(reasonPart, reason);
        Assert.Throws<ArgumentException>(() => DetachedJws.Sign(Rfc7797Payload, A1Key, JwsAlgorithm.HS256, header));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abc", "three")]
    [InlineData("a.b.c.d", "three")]
    [InlineData("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.JC4wMg.A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY", "not detached")]
    [InlineData("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19=..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY", "header")]
    [InlineData("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96+n5FLueVuW1Z/vh161FwXZC4YLPff6dmDY", "signature")]
    [InlineData("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..", "signature")]
    public void Malformed_compact_forms_fail(string jws, string reasonPart)
    {
        Assert.False(DetachedJws.Verify(jws, Rfc7797Payload, A1Key, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Fact]
    public void Sign_rejects_a_header_for_another_algorithm_and_an_empty_key()
    {
        Assert.Throws<ArgumentException>(() => DetachedJws.Sign(Rfc7797Payload, A1Key, JwsAlgorithm.HS512, Rfc7797Header));
        Assert.Throws<ArgumentException>(() => DetachedJws.Sign(Rfc7797Payload, Array.Empty<byte>(), JwsAlgorithm.HS256, Rfc7797Header));
        Assert.False(DetachedJws.Verify(Rfc7797Jws, Rfc7797Payload, Array.Empty<byte>(), out var reason));
        Assert.Contains("key", reason);
    }

    internal static byte[] FromB64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }

    internal static string ToB64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
