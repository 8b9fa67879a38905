using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class PhonePassportTests
{
    [Theory]
    [InlineData("9104560011")] // seed 002 example
    [InlineData("9202923333")] // seed 004 example
    [InlineData("4951234567")]
    public void Ten_digit_phone_is_valid(string phone)
    {
        Assert.True(Phone.IsValid(phone));
        Assert.Null(Phone.Validate(phone, "PhoneNumber"));
    }

    [Theory]
    [InlineData("79104560011", "Phone 79104560011: must be 10 digits without +7 or 8, got 11")]
    [InlineData("910456001", "Phone 910456001: must be 10 digits without +7 or 8, got 9")]
    [InlineData("+79104560011", "Phone +79104560011: must contain digits only")]
    [InlineData("910 456-00-11", "Phone 910 456-00-11: must contain digits only")]
    [InlineData(null, "Phone: must not be empty")]
    public void Invalid_ten_digit_phone(string? phone, string message)
    {
        Assert.False(Phone.IsValid(phone));
        Assert.Equal(message, Phone.Validate(phone)!.Message);
    }

    [Fact]
    public void Phone_with_country_code()
    {
        Assert.True(Phone.IsValid("79005863454", PhoneFormat.WithCountryCode)); // seed 003 example
        Assert.Null(Phone.Validate("79686423437", "Consumer.Phone", PhoneFormat.WithCountryCode));
        Assert.False(Phone.IsValid("9005863454", PhoneFormat.WithCountryCode));
        Assert.Equal(
            "Consumer.Phone 89005863454: must start with 7",
            Phone.Validate("89005863454", "Consumer.Phone", PhoneFormat.WithCountryCode)!.Message);
        Assert.Equal(
            "Consumer.Phone 9005863454: must be 11 digits starting with 7, got 10",
            Phone.Validate("9005863454", "Consumer.Phone", PhoneFormat.WithCountryCode)!.Message);
        Assert.Equal(
            "Consumer.Phone +79005863454: must contain digits only",
            Phone.Validate("+79005863454", "Consumer.Phone", PhoneFormat.WithCountryCode)!.Message);
    }

    [Theory]
    [InlineData("+7 (910) 456-00-11", PhoneFormat.TenDigits, "9104560011")]
    [InlineData("8 910 456 00 11", PhoneFormat.TenDigits, "9104560011")]
    [InlineData("79104560011", PhoneFormat.TenDigits, "9104560011")]
    [InlineData(" 9104560011 ", PhoneFormat.TenDigits, "9104560011")]
    [InlineData("9104560011", PhoneFormat.WithCountryCode, "79104560011")]
    [InlineData("+7 910 456-00-11", PhoneFormat.WithCountryCode, "79104560011")]
    [InlineData("89104560011", PhoneFormat.WithCountryCode, "79104560011")]
    public void Normalize_turns_typed_numbers_into_the_service_format(string typed, PhoneFormat format, string expected)
    {
        Assert.Equal(expected, Phone.Normalize(typed, format));
    }

    [Theory]
    [InlineData("+8 910 456 00 11")]
    [InlineData("+1 910 456 00 11")]
    [InlineData("910 456 00 1")]
    [InlineData("99104560011")]
    [InlineData("tel:9104560011")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_leaves_unrecognised_input_as_typed(string? typed)
    {
        Assert.Equal(typed, Phone.Normalize(typed));
    }

    [Fact]
    public void Passport_series_and_number()
    {
        Assert.True(Passport.IsValidSeries("2210"));
        Assert.True(Passport.IsValidNumber("123123"));
        Assert.Equal("PassportSeries 221: must be 4 digits, got 3", Passport.ValidateSeries("221")!.Message);
        Assert.Equal("PassportSeries 22 10: must contain digits only", Passport.ValidateSeries("22 10")!.Message);
        Assert.Equal("PassportNumber 1231234: must be 6 digits, got 7", Passport.ValidateNumber("1231234")!.Message);
        Assert.Equal("Info.PassportNumber: must not be empty", Passport.ValidateNumber(null, "Info.PassportNumber")!.Message);
    }

    [Theory]
    [InlineData("2210 123123", true)]
    [InlineData("22 10 123123", true)]
    [InlineData("2210123123", true)]
    [InlineData("2210-123123", false)]
    [InlineData("2210  123123", false)]
    [InlineData("221 0123123", false)]
    [InlineData("221012312", false)]
    [InlineData("22101231234", false)]
    [InlineData("22 10 12312a", false)]
    public void Passport_series_with_number(string value, bool valid)
    {
        Assert.Equal(valid, Passport.IsValid(value));
    }

    [Fact]
    public void Passport_message()
    {
        Assert.Equal("Passport 2210-123123: must be 4 + 6 digits, as 2210 123123", Passport.Validate("2210-123123")!.Message);
        Assert.Equal("Passport: must not be empty", Passport.Validate(" ")!.Message);
    }

    [Theory]
    [InlineData("520-000", true)]  // seed 004 forms
    [InlineData("520 000", true)]
    [InlineData("520000", true)]
    [InlineData("5200000", false)]
    [InlineData("52-0000", false)]
    [InlineData("520_000", false)]
    [InlineData("520-00", false)]
    [InlineData("52O-000", false)]
    public void Passport_division_code(string value, bool valid)
    {
        Assert.Equal(valid, Passport.IsValidDivisionCode(value));
    }

    [Fact]
    public void Passport_division_code_message()
    {
        Assert.Equal("PassportCode 52-0000: must be 6 digits, as 520-000", Passport.ValidateDivisionCode("52-0000")!.Message);
        Assert.Equal("PassportCode: must not be empty", Passport.ValidateDivisionCode("")!.Message);
    }
}
