using System.Text;
using GosApi.Diagnostics;
using GosApi.Http;
using Xunit;

namespace GosApi.Core.Tests.Http;

public class AccessTokenTests
{
    private static string Jwt(string payloadJson, string? header = null) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(header ?? "{\"alg\":\"GOST3410_2012_256\",\"typ\":\"JWT\"}")) + "." +
        Base64Url.Encode(Encoding.UTF8.GetBytes(payloadJson)) + "." +
        Base64Url.Encode(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));

    [Fact]
    public void Expiry_is_read_from_the_exp_claim_of_a_jwt()
    {
        var token = new AccessToken(Jwt("{\"sub\":\"1078941357\",\"exp\":1700000000,\"nonce\":\"" + Guid.NewGuid() + "\"}"));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), token.ExpiresAt);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), token.ExpiresAt);
    }

    [Fact]
    public void An_explicit_expiry_wins_over_the_claim()
    {
        var explicitExpiry = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var token = new AccessToken(Jwt("{\"exp\":1700000000,\"n\":\"" + Guid.NewGuid() + "\"}"), explicitExpiry);
        Assert.Equal(explicitExpiry, token.ExpiresAt);
    }

    [Theory]
    [InlineData("opaque-")]                           // not three parts
    [InlineData("a.b.")]                              // payload is not base64url JSON
    [InlineData("x.eyJzdWIiOiIxIn0.y-")]            // a JWT without exp ({"sub":"1"})
    [InlineData("x.eyJleHAiOiJzb29uIn0.y-")]        // exp is not a number ({"exp":"soon"})
    [InlineData("x.WzFd.y-")]                        // payload is an array ([1])
    [InlineData("x.e.y-")]                           // payload length is 1 mod 4
    public void Opaque_or_odd_tokens_have_no_expiry(string shape)
    {
        var token = new AccessToken(shape + Guid.NewGuid().ToString("N"));
        Assert.Null(token.ExpiresAt);
        Assert.False(token.IsExpiredAt(DateTimeOffset.MaxValue.AddDays(-1), TimeSpan.Zero));
    }

    [Fact]
    public void ToString_never_shows_the_value()
    {
        var jwt = Jwt("{\"exp\":1700000000,\"n\":\"" + Guid.NewGuid() + "\"}");
        var opaque = Secrets.New("opaque");

        var withExpiry = new AccessToken(jwt).ToString();
        var without = new AccessToken(opaque).ToString();

        Assert.Equal("access token (expires 2023-11-14 22:13:20Z)", withExpiry);
        Assert.Equal("access token", without);
        Assert.DoesNotContain(jwt.Split('.')[1], withExpiry);
        Assert.DoesNotContain(opaque, $"{new AccessToken(opaque)}");
    }

    [Fact]
    public void A_token_is_registered_with_the_scrubber_and_trimmed()
    {
        var value = Secrets.New("scrub");
        var token = new AccessToken("  " + value + "\n");

        Assert.Equal(value, token.Value);
        Assert.Equal("Authorization: Bearer ***", SecretScrubber.Scrub("Authorization: Bearer " + value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_token_is_rejected(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new AccessToken(value));
        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void Expiry_with_skew()
    {
        var expires = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var token = new AccessToken(Secrets.New(), expires);

        Assert.False(token.IsExpiredAt(expires.AddSeconds(-31), TimeSpan.FromSeconds(30)));
        Assert.True(token.IsExpiredAt(expires.AddSeconds(-30), TimeSpan.FromSeconds(30)));
        Assert.True(token.IsExpiredAt(expires.AddSeconds(1), TimeSpan.Zero));
    }

    [Fact]
    public void JwtClaims_decodes_the_payload_without_verifying()
    {
        var claims = JwtClaims.TryDecode(Jwt("{\"scope\":\"openid\",\"urn:esia:sbj_id\":1078941357}"));

        Assert.NotNull(claims);
        Assert.Equal("openid", claims.Value.GetProperty("scope").GetString());
        Assert.Equal(1078941357, claims.Value.GetProperty("urn:esia:sbj_id").GetInt64());
        Assert.Null(JwtClaims.TryDecode("only.two"));
        Assert.Null(JwtClaims.TryDecode("a.!!!!.c"));
    }

    [Fact]
    public async Task An_expired_token_is_renewed_before_use_when_the_source_can()
    {
        var calls = 0;
        var auth = new BearerTokenAuth(new DelegateTokenSource(_ =>
        {
            calls++;
            // the first token expired a minute ago, the second is good for an hour
            var expiry = calls == 1 ? DateTimeOffset.UtcNow.AddMinutes(-1) : DateTimeOffset.UtcNow.AddHours(1);
            return Task.FromResult(new AccessToken(Secrets.New(), expiry));
        }));

        var first = await auth.GetTokenAsync(null, CancellationToken.None);
        var second = await auth.GetTokenAsync(null, CancellationToken.None);
        var third = await auth.GetTokenAsync(null, CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.NotSame(first, second);
        Assert.Same(second, third);
    }
}

public class Base64UrlTests
{
    [Fact]
    public void Round_trip_of_every_length_and_every_byte()
    {
        var random = new Random(4242);
        for (var length = 0; length <= 66; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            if (length > 2) { data[0] = 0xFB; data[1] = 0xFF; data[2] = 0xBF; } // would be '+' and '/' in plain base64
            var text = Base64Url.Encode(data);

            Assert.DoesNotContain('=', text);
            Assert.DoesNotContain('+', text);
            Assert.DoesNotContain('/', text);
            Assert.Equal(data, Base64Url.Decode(text));
        }
    }

    [Fact]
    public void Known_vectors_from_rfc4648()
    {
        Assert.Equal("", Base64Url.Encode(Array.Empty<byte>()));
        Assert.Equal("Zg", Base64Url.Encode(Encoding.ASCII.GetBytes("f")));
        Assert.Equal("Zm8", Base64Url.Encode(Encoding.ASCII.GetBytes("fo")));
        Assert.Equal("Zm9v", Base64Url.Encode(Encoding.ASCII.GetBytes("foo")));
        Assert.Equal("-_8", Base64Url.Encode(new byte[] { 0xFB, 0xFF }));
        Assert.Equal(new byte[] { 0xFB, 0xFF }, Base64Url.Decode("-_8"));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("AAAAA")]
    [InlineData("Zm9v!A")]
    public void Malformed_text_is_a_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => Base64Url.Decode(text));
    }
}

public class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2015, 10, 21, 7, 27, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("120", 120)]
    [InlineData(" 7 ", 7)]
    public void Delta_seconds(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Parse(value, Now));
    }

    [Fact]
    public void Http_date_in_the_future_is_the_time_until_then()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), RetryAfter.Parse("Wed, 21 Oct 2015 07:28:00 GMT", Now));
        Assert.Equal(TimeSpan.FromHours(1), RetryAfter.Parse("Wed, 21 Oct 2015 08:27:00 GMT", Now));
    }

    [Fact]
    public void Http_date_in_the_past_means_now()
    {
        Assert.Equal(TimeSpan.Zero, RetryAfter.Parse("Wed, 21 Oct 2015 07:00:00 GMT", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData("5s")]
    [InlineData("2015-10-21T07:28:00Z")]
    [InlineData("99999999999999")]
    public void Garbage_is_ignored(string? value)
    {
        Assert.Null(RetryAfter.Parse(value, Now));
    }
}
