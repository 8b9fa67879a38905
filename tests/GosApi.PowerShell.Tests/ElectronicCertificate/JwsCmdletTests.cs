using System.Security.Cryptography;
using System.Text;
using GosApi.PowerShell.Tests.Infrastructure;

namespace GosApi.PowerShell.Tests.ElectronicCertificate;

/// <summary>Canonical JSON and detached JWS by hand, as a user checks an x-jws-signature.</summary>
public sealed class JwsCmdletTests : IDisposable
{
    private const string Secret = "shared-secret-of-the-test";
    private readonly ModuleHost engine = new();

    public void Dispose() => engine.Dispose();

    private HostedResult Run(string script) =>
        engine.Invoke("$secret = ConvertTo-SecureString $plain -AsPlainText -Force\n" + script, new Dictionary<string, object> { ["plain"] = Secret });

    [Fact]
    public void Canonical_json_sorts_members_and_normalises_numbers()
    {
        var result = Run("'{\"b\": 2.50, \"a\": [1E1, \"\\u0041\"], \"c\": -0}' | ConvertTo-CanonicalJson").AssertSuccess();
        Assert.Equal("{\"a\":[10,\"A\"],\"b\":2.5,\"c\":0}", result.Output.Single().ToString());
    }

    [Fact]
    public void Jws_is_hs512_over_the_canonical_body_and_checks_out_for_any_formatting()
    {
        var result = Run(@"
            $jws = New-DetachedJws -Body '{""recordId"":""1"",""amount"":100.0}' -SharedSecret $secret
            $jws
            Test-DetachedJws $jws -Body '{ ""amount"": 1E2, ""recordId"": ""1"" }' -SharedSecret $secret -Quiet
            (Test-DetachedJws $jws -Body '{""amount"":101,""recordId"":""1""}' -SharedSecret $secret).Reason").AssertSuccess();

        var jws = result.Output[0].ToString();
        var parts = jws.Split('.');
        Assert.Equal("", parts[1]);
        Assert.Equal("{\"b64\":false,\"crit\":[\"b64\"],\"typ\":\"JWT\",\"alg\":\"HS512\"}", Encoding.UTF8.GetString(FromBase64Url(parts[0])));
        // Independent check: HMAC-SHA-512 over ASCII(header) '.' canonical body.
        var expected = HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(parts[0] + ".{\"amount\":100,\"recordId\":\"1\"}"));
        Assert.Equal(expected, FromBase64Url(parts[2]));
        Assert.True(result.Output[1].BaseObject is true);
        Assert.False(string.IsNullOrEmpty(result.Output[2]?.ToString()));
    }

    [Fact]
    public void Wrong_secret_and_wrong_algorithm_fail_and_the_secret_never_shows()
    {
        var result = Run(@"
            $jws = New-DetachedJws -Body '{}' -SharedSecret $secret -Algorithm HS256
            Test-DetachedJws $jws -Body '{}' -SharedSecret $secret -Algorithm HS256 -Quiet
            Test-DetachedJws $jws -Body '{}' -SharedSecret $secret -Quiet
            Test-DetachedJws $jws -Body '{}' -SharedSecret (ConvertTo-SecureString 'other-secret' -AsPlainText -Force) -Algorithm HS256 -Quiet
            '{bad json' | ConvertTo-CanonicalJson").AssertSuccessExceptErrors();
        Assert.Equal(new object[] { true, false, false }, result.Output.Select(o => o.BaseObject).ToArray());
        Assert.StartsWith("ElectronicCertificate.InvalidArgument", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.DoesNotContain(Secret, result.Everything());
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }
}
