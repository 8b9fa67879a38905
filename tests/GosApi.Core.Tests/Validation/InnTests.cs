using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class InnTests
{
    [Theory]
    [InlineData("7707083893")]    // ПАО Сбербанк
    [InlineData("7743020560")]
    [InlineData("3123456448")]    // seed 003 example, legal entity
    [InlineData("500100732259")]  // published 12-digit example
    [InlineData("312324014516")]  // seed 003 example, person
    [InlineData("501810411815")]  // seed 004 example
    [InlineData("7707083830")]    // weighted sum mod 11 = 10 → check digit 0
    [InlineData("500100732403")]  // 11th digit: remainder 10 → 0
    [InlineData("500100732570")]  // 12th digit: remainder 10 → 0
    public void Published_examples_are_valid(string inn)
    {
        Assert.True(Inn.IsValid(inn));
        Assert.Null(Inn.Validate(inn, "Inn"));
    }

    [Theory]
    [InlineData("7707083894", "INN 7707083894: checksum is 4, expected 3")]
    [InlineData("7707083890", "INN 7707083890: checksum is 0, expected 3")]
    [InlineData("7707083831", "INN 7707083831: checksum is 1, expected 0")]
    [InlineData("500100732413", "INN 500100732413: checksum is 13, expected 03")]
    [InlineData("500100732258", "INN 500100732258: checksum is 58, expected 59")]
    [InlineData("500100732249", "INN 500100732249: checksum is 49, expected 59")]
    // The 12th digit covers the 11th: a wrong 11th digit is reported against the whole expected pair.
    [InlineData("500100732269", "INN 500100732269: checksum is 69, expected 59")]
    [InlineData("365885220301", "INN 365885220301: checksum is 01, expected 10")] // seed 003 example fails its checksum
    public void Wrong_check_digits_are_reported_with_the_expected_ones(string inn, string message)
    {
        Assert.False(Inn.IsValid(inn));
        Assert.Equal(message, Inn.Validate(inn)!.Message);
    }

    [Theory]
    [InlineData("770708389", "must be 10 or 12 digits, got 9")]
    [InlineData("77070838931", "must be 10 or 12 digits, got 11")]
    [InlineData("5001007322590", "must be 10 or 12 digits, got 13")]
    [InlineData("77070838a3", "must contain digits only")]
    [InlineData("7707 083893", "must contain digits only")]
    [InlineData(" 7707083893", "must contain digits only")]
    [InlineData("7707083893 ", "must contain digits only")]
    [InlineData("-707083893", "must contain digits only")]
    [InlineData("７７０７０８３８９３", "must contain digits only")] // full-width digits
    [InlineData("٧٧٠٧٠٨٣٨٩٣", "must contain digits only")] // Arabic-Indic digits
    public void Malformed_values_name_the_rule(string inn, string rule)
    {
        var error = Inn.Validate(inn, "Organization.Inn");

        Assert.NotNull(error);
        Assert.Equal("Organization.Inn", error.Field);
        Assert.Equal(inn, error.Value);
        Assert.Equal(rule, error.Rule);
        Assert.False(Inn.IsValid(inn));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Missing_value_is_reported(string? inn)
    {
        Assert.False(Inn.IsValid(inn));
        Assert.Equal("INN: must not be empty", Inn.Validate(inn)!.Message);
    }

    [Fact]
    public void Kind_restricts_the_length()
    {
        Assert.True(Inn.IsValid("7707083893", InnKind.LegalEntity));
        Assert.False(Inn.IsValid("500100732259", InnKind.LegalEntity));
        Assert.True(Inn.IsValid("500100732259", InnKind.Person));
        Assert.False(Inn.IsValid("7707083893", InnKind.Person));

        Assert.Equal(
            "Organization.Inn 500100732259: must be 10 digits (legal entity), got 12",
            Inn.Validate("500100732259", "Organization.Inn", InnKind.LegalEntity)!.Message);
        Assert.Equal(
            "Consumer.Inn 7707083893: must be 12 digits (person or sole proprietor), got 10",
            Inn.Validate("7707083893", "Consumer.Inn", InnKind.Person)!.Message);
        Assert.Equal(
            "INN 7707083894: checksum is 4, expected 3",
            Inn.Validate("7707083894", kind: InnKind.LegalEntity)!.Message);
    }

    [Fact]
    public void Legal_entity_inn_padded_to_12_digits_is_not_a_valid_12_digit_inn()
    {
        // Certificates carry a legal entity's INN as "00" + 10 digits; that is not an INN to send.
        Assert.False(Inn.IsValid("007743020560"));
    }
}
