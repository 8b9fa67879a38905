using GosApi.Diagnostics;
using Xunit;

namespace GosApi.Core.Tests.Diagnostics;

public class UrlRedactorTests
{
    [Theory]
    [InlineData("https://h/api/storage/v2/files/1/2/download?signature=abcDEF123&mnemonic=req.xml",
                "https://h/api/storage/v2/files/1/2/download?signature=***&mnemonic=req.xml")]
    [InlineData("https://h/x?apikey=k1&a=1", "https://h/x?apikey=***&a=1")]
    [InlineData("https://h/x?ApiKey=k1", "https://h/x?ApiKey=***")]
    [InlineData("https://h/x?api_key=k1", "https://h/x?api_key=***")]
    [InlineData("https://h/x?a=1&token=t0k3n", "https://h/x?a=1&token=***")]
    [InlineData("https://h/x?access_token=t&refresh=1", "https://h/x?access_token=***&refresh=1")]
    [InlineData("https://h/x?client_secret=s&password=p&pageNum=0", "https://h/x?client_secret=***&password=***&pageNum=0")]
    [InlineData("https://h/x?token=abc#frag", "https://h/x?token=***#frag")]
    [InlineData("https://h/x?token=", "https://h/x?token=***")]
    [InlineData("https://h/x?api%5Fkey=k1", "https://h/x?api%5Fkey=***")] // the name is compared unescaped
    public void Secret_query_parameters_are_masked(string url, string expected)
    {
        Assert.Equal(expected, UrlRedactor.Redact(url));
    }

    [Theory]
    [InlineData("https://esia-portal1.test.gosuslugi.ru/orgs/ext-app/0a1b2c3d-SECRET/tkn", "https://esia-portal1.test.gosuslugi.ru/orgs/ext-app/***/tkn")]
    [InlineData("https://esia.gosuslugi.ru/orgs/EXT-APP/key%2Fwith%2Fslashes/tkn?x=1", "https://esia.gosuslugi.ru/orgs/EXT-APP/***/tkn?x=1")]
    public void The_esia_api_key_in_the_path_is_masked(string url, string expected)
    {
        Assert.Equal(expected, UrlRedactor.Redact(url));
    }

    [Theory]
    [InlineData("https://svcdev-beta.test.gosuslugi.ru/api/gusmev/order/getOrdersStatus/?orderIds=764607248,764603930&pageNum=0&pageSize=5")]
    [InlineData("https://svcdev-beta.test.gosuslugi.ru/api/gusmev/order/getUpdatedAfter/?pageNum=0&pageSize=5&updatedAfter=2022-12-10T12:31:42.000")]
    [InlineData("https://h/x?keyword=a&tokens=b&mytoken=c")] // only exact names are secrets
    [InlineData("https://h/api/gusmev/order/2058864134")]
    public void Ordinary_urls_are_unchanged(string url)
    {
        Assert.Equal(url, UrlRedactor.Redact(url));
    }

    [Fact]
    public void Registered_secrets_anywhere_in_the_url_are_masked_too()
    {
        var secret = Guid.NewGuid().ToString("N");
        SecretScrubber.Register(secret);
        try
        {
            Assert.Equal("https://h/orders/***/files?x=1", UrlRedactor.Redact($"https://h/orders/{secret}/files?x=1"));
        }
        finally
        {
            SecretScrubber.Unregister(secret);
        }
    }

    [Fact]
    public void Null_and_empty()
    {
        Assert.Equal("", UrlRedactor.Redact((string?)null));
        Assert.Equal("", UrlRedactor.Redact((Uri?)null));
        Assert.Equal("", UrlRedactor.Redact(""));
    }

    [Fact]
    public void Uri_overload_redacts_the_absolute_uri()
    {
        var uri = new Uri("https://h/api/x?token=a b&signature=q");
        Assert.Equal("https://h/api/x?token=***&signature=***", UrlRedactor.Redact(uri));
    }
}
