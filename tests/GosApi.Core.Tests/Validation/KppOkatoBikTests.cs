using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class KppOkatoBikTests
{
    [Theory]
    [InlineData("773601001")]
    [InlineData("454545455")] // seed 004 example
    [InlineData("7736AB001")]
    [InlineData("77360Z001")]
    public void Valid_kpp(string kpp)
    {
        Assert.True(Kpp.IsValid(kpp));
        Assert.Null(Kpp.Validate(kpp, "Kpp"));
    }

    [Theory]
    [InlineData("77360100", "KPP 77360100: must be 9 characters, got 8")]
    [InlineData("7736010011", "KPP 7736010011: must be 9 characters, got 10")]
    [InlineData("7736ab001", "KPP 7736ab001: must be 4 digits, 2 digits or capital letters A-Z, 3 digits")]
    [InlineData("7736АБ001", "KPP 7736АБ001: must be 4 digits, 2 digits or capital letters A-Z, 3 digits")] // Cyrillic А, Б
    [InlineData("A73601001", "KPP A73601001: must be 4 digits, 2 digits or capital letters A-Z, 3 digits")]
    [InlineData("773601A01", "KPP 773601A01: must be 4 digits, 2 digits or capital letters A-Z, 3 digits")]
    [InlineData("77360100A", "KPP 77360100A: must be 4 digits, 2 digits or capital letters A-Z, 3 digits")]
    [InlineData("7736-1001", "KPP 7736-1001: must be 4 digits, 2 digits or capital letters A-Z, 3 digits")]
    [InlineData(null, "KPP: must not be empty")]
    [InlineData("", "KPP: must not be empty")]
    public void Invalid_kpp(string? kpp, string message)
    {
        Assert.False(Kpp.IsValid(kpp));
        Assert.Equal(message, Kpp.Validate(kpp)!.Message);
    }

    [Fact]
    public void Epgu_region_takes_the_full_11_digits()
    {
        Assert.Null(Okato.Validate("36000000000", "Region", Okato.FullLength));
        Assert.True(Okato.IsValid("45293554000", Okato.FullLength));
        Assert.Equal("Region 36: must be 11 digits, got 2", Okato.Validate("36", "Region", Okato.FullLength)!.Message);
        Assert.Equal("Region 360000000000: must be 11 digits, got 12", Okato.Validate("360000000000", "Region", Okato.FullLength)!.Message);
    }

    [Theory]
    [InlineData("36", true)]
    [InlineData("45293", true)]
    [InlineData("45293554", true)]
    [InlineData("36000000000", true)]
    [InlineData("3", false)]
    [InlineData("3600", false)]
    [InlineData("360000", false)]
    [InlineData("3600000000", false)]
    public void Without_allowed_lengths_any_level_length_is_accepted(string okato, bool valid)
    {
        Assert.Equal(valid, Okato.IsValid(okato));
    }

    [Fact]
    public void Okato_messages()
    {
        Assert.Equal("OKATO 3600: must be 2, 5, 8 or 11 digits, got 4", Okato.Validate("3600")!.Message);
        Assert.Equal("Region 36000: must be 2 or 11 digits, got 5", Okato.Validate("36000", "Region", 11, 2)!.Message);
        Assert.Equal("Region 36-000: must contain digits only", Okato.Validate("36-000", "Region")!.Message);
        Assert.Equal("Region: must not be empty", Okato.Validate(null, "Region", Okato.FullLength)!.Message);
    }

    [Fact]
    public void Allowed_lengths_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Okato.Validate("36", "Region", 0));
    }

    [Theory]
    [InlineData("044525225")] // ПАО Сбербанк
    [InlineData("049805746")] // Bank of Russia N 515 example
    [InlineData("004525988")] // УФК по г. Москве (Federal Treasury BIKs do not start with 04)
    [InlineData("017003983")] // УФК по Тульской области
    [InlineData("024501901")] // Межрегиональное операционное УФК
    public void Valid_bik(string bik)
    {
        Assert.True(Bik.IsValid(bik));
        Assert.Null(Bik.Validate(bik, "Bik"));
    }

    [Theory]
    [InlineData("04452522", "BIK 04452522: must be 9 digits, got 8")]
    [InlineData("0445252250", "BIK 0445252250: must be 9 digits, got 10")]
    [InlineData("04452522O", "BIK 04452522O: must contain digits only")]
    [InlineData("", "BIK: must not be empty")]
    public void Invalid_bik(string bik, string message)
    {
        Assert.False(Bik.IsValid(bik));
        Assert.Equal(message, Bik.Validate(bik)!.Message);
    }
}
