using GosApi.Epgu.Models;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class TerrabyteLinkTests
{
    [Theory]
    [InlineData("terrabyte://00/2058864134/req.xml/2", "2058864134", "req.xml", "2")]          // 001's example
    [InlineData("terrabyte://6268157772/result.pdf/3", "6268157772", "result.pdf", "3")]      // no bucket
    [InlineData("TERRABYTE://00/1/a.pdf/3", "1", "a.pdf", "3")]                                // scheme in any case
    [InlineData("terrabyte://00/1/a.pdf/3/", "1", "a.pdf", "3")]                               // trailing slash
    [InlineData("terrabyte://00//1//a.pdf//3", "1", "a.pdf", "3")]                             // doubled slashes
    [InlineData("terrabyte://00/1/ req.xml/ 2", "1", "req.xml", "2")]                           // 001 §5 writes "…/ mnemonic/ objectType"
    [InlineData("terrabyte://a/b/c/123/m.xml/2", "123", "m.xml", "2")]                          // the last three parts count
    [InlineData("terrabyte://00/1/%D0%B7%D0%B0%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5.pdf/3", "1", "заявление.pdf", "3")]
    [InlineData("terrabyte://00/1/file%20name.pdf/3", "1", "file name.pdf", "3")]
    [InlineData("terrabyte://00/1/100%.pdf/3", "1", "100%.pdf", "3")]                             // not an escape: kept
    public void Parses(string link, string objectId, string mnemonic, string objectType)
    {
        var parsed = TerrabyteLink.TryParse(link);

        Assert.NotNull(parsed);
        Assert.Equal(objectId, parsed.ObjectId);
        Assert.Equal(mnemonic, parsed.Mnemonic);
        Assert.Equal(objectType, parsed.ObjectType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("terrabyte://")]
    [InlineData("terrabyte://00/2")]
    [InlineData("terrabyte://req.xml/2")]
    [InlineData("terrabyte:/00/1/req.xml/2")]
    [InlineData("https://00/1/req.xml/2")]
    [InlineData(" terrabyte://00/1/req.xml/2x")] // leading blank: not the scheme
    [InlineData("terrabyte://00/ /req.xml/2")]
    [InlineData("terrabyte://00/1/req.xml/ ")]
    public void Rejects(string? link)
    {
        Assert.Null(TerrabyteLink.TryParse(link));
    }
}
