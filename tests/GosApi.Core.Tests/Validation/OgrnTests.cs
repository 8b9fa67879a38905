using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class OgrnTests
{
    [Theory]
    [InlineData("1027700132195")] // ПАО Сбербанк
    [InlineData("1027739113049")] // seed 003 example
    [InlineData("1176196017997")] // seed 004 example
    [InlineData("1193123017042")] // seed 003 example
    [InlineData("1027700132240")] // 102770013224 mod 11 = 10 → check digit 0
    [InlineData("5027700132191")] // OGRN starting with 5
    public void Valid_ogrn(string ogrn)
    {
        Assert.True(Ogrn.IsValid(ogrn));
        Assert.Null(Ogrn.Validate(ogrn, "Ogrn"));
    }

    [Theory]
    [InlineData("1027700132194", "OGRN 1027700132194: checksum is 4, expected 5")]
    [InlineData("1027700132241", "OGRN 1027700132241: checksum is 1, expected 0")]
    [InlineData("1563866968440", "OGRN 1563866968440: checksum is 0, expected 4")] // seed 003 example fails its checksum
    [InlineData("3027700132195", "OGRN 3027700132195: must start with 1 or 5")]
    [InlineData("2027700132195", "OGRN 2027700132195: must start with 1 or 5")]
    [InlineData("102770013219", "OGRN 102770013219: must be 13 digits, got 12")]
    [InlineData("304500116000157", "OGRN 304500116000157: must be 13 digits, got 15")]
    [InlineData("10277001321-5", "OGRN 10277001321-5: must contain digits only")]
    [InlineData("", "OGRN: must not be empty")]
    [InlineData(null, "OGRN: must not be empty")]
    public void Invalid_ogrn(string? ogrn, string message)
    {
        Assert.False(Ogrn.IsValid(ogrn));
        Assert.Equal(message, Ogrn.Validate(ogrn)!.Message);
    }

    [Theory]
    [InlineData("304500116000157")] // published example
    [InlineData("321032700015430")] // seed 003 example
    [InlineData("304500116000180")] // 30450011600018 mod 13 = 10 → check digit 0
    public void Valid_ogrnip(string ogrnip)
    {
        Assert.True(Ogrnip.IsValid(ogrnip));
        Assert.Null(Ogrnip.Validate(ogrnip, "Entrepreneur.Ogrnip"));
    }

    [Theory]
    [InlineData("304500116000158", "OGRNIP 304500116000158: checksum is 8, expected 7")]
    [InlineData("304500116000181", "OGRNIP 304500116000181: checksum is 1, expected 0")]
    [InlineData("319240000120000", "OGRNIP 319240000120000: checksum is 0, expected 5")] // seed 003 example fails its checksum
    [InlineData("104500116000157", "OGRNIP 104500116000157: must start with 3")]
    [InlineData("1027700132195", "OGRNIP 1027700132195: must be 15 digits, got 13")]
    [InlineData("30450011600015 ", "OGRNIP 30450011600015 : must contain digits only")]
    [InlineData(" ", "OGRNIP: must not be empty")]
    public void Invalid_ogrnip(string? ogrnip, string message)
    {
        Assert.False(Ogrnip.IsValid(ogrnip));
        Assert.Equal(message, Ogrnip.Validate(ogrnip)!.Message);
    }

    [Fact]
    public void Caller_names_the_field()
    {
        Assert.Equal("Entrepreneur.Ogrnip", Ogrnip.Validate("304500116000158", "Entrepreneur.Ogrnip")!.Field);
        Assert.Equal("LegalEntity.Ogrn", Ogrn.Validate("1027700132194", "LegalEntity.Ogrn")!.Field);
    }
}
