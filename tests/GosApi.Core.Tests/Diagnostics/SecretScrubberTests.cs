using GosApi.Diagnostics;
using Xunit;

namespace GosApi.Core.Tests.Diagnostics;

/// <summary>
/// The scrubber is process-wide: every value registered here is a fresh GUID, so that no other test's text
/// can ever contain it, and it is unregistered afterwards.
/// </summary>
public class SecretScrubberTests
{
    [Fact]
    public void A_registered_secret_is_masked_wherever_it_appears()
    {
        var secret = Guid.NewGuid().ToString("N");
        SecretScrubber.Register(secret);
        try
        {
            Assert.Equal("token=*** and again *** (***)", SecretScrubber.Scrub($"token={secret} and again {secret} ({secret})"));
            Assert.Equal("***", SecretScrubber.Scrub(secret));
            Assert.Equal("line1\n***line2", SecretScrubber.Scrub($"line1\n{secret}line2"));
            Assert.Equal("no secret here", SecretScrubber.Scrub("no secret here"));
        }
        finally
        {
            SecretScrubber.Unregister(secret);
        }
        Assert.Equal(secret, SecretScrubber.Scrub(secret));
    }

    [Fact]
    public void Matching_is_case_sensitive()
    {
        var secret = "AbCdEf" + Guid.NewGuid().ToString("N");
        SecretScrubber.Register(secret);
        try
        {
            Assert.Equal(secret.ToLowerInvariant(), SecretScrubber.Scrub(secret.ToLowerInvariant()));
        }
        finally
        {
            SecretScrubber.Unregister(secret);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("12345")]
    public void Values_shorter_than_six_characters_are_ignored(string value)
    {
        var before = SecretScrubber.Snapshot.Count;
        SecretScrubber.Register(value);
        try
        {
            Assert.DoesNotContain(value, SecretScrubber.Snapshot);
            if (value.Length > 0) Assert.Equal($"order {value} created", SecretScrubber.Scrub($"order {value} created"));
        }
        finally
        {
            SecretScrubber.Unregister(value);
        }
    }

    [Fact]
    public void Six_characters_is_long_enough()
    {
        // six random letters outside hex, so that no GUID or token elsewhere in the suite can contain them
        var random = new Random();
        var value = new string(Enumerable.Range(0, 6).Select(_ => (char)('g' + random.Next(20))).ToArray());
        SecretScrubber.Register(value);
        try
        {
            Assert.Equal("<***>", SecretScrubber.Scrub($"<{value}>"));
        }
        finally
        {
            SecretScrubber.Unregister(value);
        }
    }

    [Fact]
    public void The_longest_secret_is_masked_first_so_no_tail_leaks()
    {
        var shortOne = Guid.NewGuid().ToString("N");
        var longOne = shortOne + "-" + Guid.NewGuid().ToString("N");
        SecretScrubber.Register(shortOne);
        SecretScrubber.Register(longOne);
        try
        {
            Assert.Equal("a *** b", SecretScrubber.Scrub($"a {longOne} b"));
            Assert.Equal("a *** b", SecretScrubber.Scrub($"a {shortOne} b"));
        }
        finally
        {
            SecretScrubber.Unregister(shortOne);
            SecretScrubber.Unregister(longOne);
        }
    }

    [Fact]
    public void Registering_twice_keeps_one_copy()
    {
        var secret = Guid.NewGuid().ToString("N");
        SecretScrubber.Register(secret);
        SecretScrubber.Register(secret);
        try
        {
            Assert.Single(SecretScrubber.Snapshot, s => s == secret);
        }
        finally
        {
            SecretScrubber.Unregister(secret);
        }
        Assert.DoesNotContain(secret, SecretScrubber.Snapshot);
    }

    [Fact]
    public void Null_and_empty_text()
    {
        Assert.Equal("", SecretScrubber.Scrub(null));
        Assert.Equal("", SecretScrubber.Scrub(""));
    }

    [Fact]
    public void Registration_from_many_threads_loses_nothing()
    {
        var secrets = Enumerable.Range(0, 64).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        Parallel.ForEach(secrets, SecretScrubber.Register);
        try
        {
            var text = string.Join(",", secrets);
            Assert.Equal(string.Join(",", secrets.Select(_ => "***")), SecretScrubber.Scrub(text));
        }
        finally
        {
            foreach (var s in secrets) SecretScrubber.Unregister(s);
        }
    }
}
