using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class SnilsTests
{
    [Theory]
    [InlineData("112-233-445 95")]  // the published example, printed form
    [InlineData("11223344595")]     // the same as the APIs take it
    [InlineData("16145625759")]     // seed 003 example
    [InlineData("07683358608")]     // seed 004 example, leading zero
    [InlineData("00100199965")]     // first number with a checksum: 001-001-999, sum 65
    [InlineData("14200640899")]     // sum 99 → 99
    [InlineData("20613005900")]     // sum 100 → 00
    [InlineData("10035625900")]     // sum 101 → 00
    [InlineData("12710107401")]     // sum 102 → 102 mod 101 = 01
    [InlineData("54454436900")]     // sum 201 → 201 mod 101 = 100 → 00
    public void Valid_snils(string snils)
    {
        Assert.True(Snils.IsValid(snils));
        Assert.Null(Snils.Validate(snils, "Snils"));
    }

    [Theory]
    [InlineData("00100199800")]
    [InlineData("001-001-998 12")]
    [InlineData("00000000100")]
    public void Numbers_up_to_001_001_998_have_no_checksum(string snils)
    {
        Assert.True(Snils.IsValid(snils));
    }

    [Theory]
    [InlineData("112-233-445 96", "SNILS 112-233-445 96: checksum is 96, expected 95")]
    [InlineData("11223344596", "SNILS 11223344596: checksum is 96, expected 95")]
    [InlineData("00100199900", "SNILS 00100199900: checksum is 00, expected 65")]
    [InlineData("20613005901", "SNILS 20613005901: checksum is 01, expected 00")]
    [InlineData("10035625901", "SNILS 10035625901: checksum is 01, expected 00")]
    [InlineData("12710107402", "SNILS 12710107402: checksum is 02, expected 01")]
    [InlineData("54454436999", "SNILS 54454436999: checksum is 99, expected 00")]
    [InlineData("11150027333", "SNILS 11150027333: checksum is 33, expected 77")] // seed 003 example fails its checksum
    public void Wrong_checksum_is_reported(string snils, string message)
    {
        Assert.False(Snils.IsValid(snils));
        Assert.Equal(message, Snils.Validate(snils)!.Message);
    }

    [Theory]
    [InlineData("1122334459", "must be 11 digits, got 10")]
    [InlineData("112233445950", "must be 11 digits, got 12")]
    [InlineData("112 233 445 95", "must be 11 digits, as 11223344595 or 112-233-445 95")]
    [InlineData("112-233-445-95", "must be 11 digits, as 11223344595 or 112-233-445 95")]
    [InlineData("112-233-44595", "must be 11 digits, as 11223344595 or 112-233-445 95")]
    [InlineData("112233445 95", "must be 11 digits, as 11223344595 or 112-233-445 95")]
    [InlineData(" 11223344595", "must be 11 digits, as 11223344595 or 112-233-445 95")]
    [InlineData("1122334459a", "must be 11 digits, as 11223344595 or 112-233-445 95")]
    [InlineData("112-233-445 9a", "must be 11 digits, as 11223344595 or 112-233-445 95")]
    public void Malformed_values_name_the_rule(string snils, string rule)
    {
        var error = Snils.Validate(snils, "Consumer.Snils");

        Assert.NotNull(error);
        Assert.Equal("Consumer.Snils", error.Field);
        Assert.Equal(rule, error.Rule);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void Missing_value_is_reported(string? snils)
    {
        Assert.False(Snils.IsValid(snils));
        Assert.Equal("SNILS: must not be empty", Snils.Validate(snils)!.Message);
    }

    [Fact]
    public void Normalize_and_Format_convert_between_the_two_forms()
    {
        Assert.Equal("11223344595", Snils.Normalize("112-233-445 95"));
        Assert.Equal("11223344595", Snils.Normalize("11223344595"));
        Assert.Equal("112-233-445 95", Snils.Format("11223344595"));
        Assert.Equal("076-833-586 08", Snils.Format("076-833-586 08"));
    }

    [Fact]
    public void Normalize_throws_for_an_invalid_value_naming_the_field()
    {
        var ex = Assert.Throws<InputValidationException>(() => Snils.Normalize("112-233-445 96", "Snils"));

        Assert.Equal("Snils", ex.ParamName);
        Assert.Equal("Snils 112-233-445 96: checksum is 96, expected 95", ex.Message);
        Assert.Throws<InputValidationException>(() => Snils.Format(null));
    }
}
