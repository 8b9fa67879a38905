using GosApi.Validation;
using Xunit;

namespace GosApi.Core.Tests.Validation;

public class ValidationShapeTests
{
    [Fact]
    public void Message_is_field_value_and_rule()
    {
        var error = new ValidationError("Organization.Inn", "7707083894", "checksum is 4, expected 3");

        Assert.Equal("Organization.Inn", error.Field);
        Assert.Equal("7707083894", error.Value);
        Assert.Equal("checksum is 4, expected 3", error.Rule);
        Assert.Equal("Organization.Inn 7707083894: checksum is 4, expected 3", error.Message);
        Assert.Equal(error.Message, error.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Message_leaves_out_a_blank_value(string? value)
    {
        var error = new ValidationError("Region", value, "must not be empty");

        Assert.Equal("Region: must not be empty", error.Message);
        Assert.Equal(value ?? "", error.Value);
    }

    [Fact]
    public void Message_replaces_control_characters_and_cuts_long_values()
    {
        Assert.Equal("INN 77?07: must contain digits only", new ValidationError("INN", "77\n07", "must contain digits only").Message);

        var longValue = new string('1', 100);
        var message = new ValidationError("INN", longValue, "must be 10 or 12 digits, got 100").Message;

        Assert.Equal("INN " + new string('1', 64) + "…: must be 10 or 12 digits, got 100", message);
        Assert.Equal(longValue, new ValidationError("INN", longValue, "x").Value);
    }

    [Fact]
    public void Field_and_rule_are_required()
    {
        Assert.Throws<ArgumentException>(() => new ValidationError("", "1", "rule"));
        Assert.Throws<ArgumentException>(() => new ValidationError("INN", "1", ""));
    }

    [Fact]
    public void Errors_with_the_same_parts_are_equal()
    {
        var a = new ValidationError("KPP", "1", "r");

        Assert.Equal(a, new ValidationError("KPP", "1", "r"));
        Assert.Equal(a.GetHashCode(), new ValidationError("KPP", "1", "r").GetHashCode());
        Assert.NotEqual(a, new ValidationError("KPP", "2", "r"));
        Assert.NotEqual(a, new ValidationError("Kpp", "1", "r"));
        Assert.NotEqual(a, new ValidationError("KPP", "1", "s"));
    }

    [Fact]
    public void Result_collects_every_error_in_order_and_ignores_passed_checks()
    {
        var result = new ValidationResult()
            .Add(Inn.Validate("7707083894", "Organization.Inn"))
            .Add(Inn.Validate("7707083893", "Head.Inn"))
            .Add(Kpp.Validate("77360100", "Organization.Kpp"))
            .Add("PassportNumber", null, "must be given together with PassportSeries");

        Assert.False(result.IsValid);
        Assert.Equal(
            new[] { "Organization.Inn", "Organization.Kpp", "PassportNumber" },
            result.Errors.Select(e => e.Field).ToArray());
        Assert.Equal(
            "Organization.Inn 7707083894: checksum is 4, expected 3; Organization.Kpp 77360100: must be 9 characters, got 8; PassportNumber: must be given together with PassportSeries",
            result.ToString());
    }

    [Fact]
    public void Empty_result_is_valid_and_does_not_throw()
    {
        var result = new ValidationResult().Add(Snils.Validate("112-233-445 95"));

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal("valid", result.ToString());
        result.ThrowIfInvalid();
    }

    [Fact]
    public void Result_takes_the_errors_of_a_nested_record()
    {
        var consumer = new ValidationResult().Add(Snils.Validate("11223344596", "Consumer.Snils"));
        var request = new ValidationResult().Add(Inn.Validate("", "Inn")).Add(consumer);

        Assert.Equal(new[] { "Inn", "Consumer.Snils" }, request.Errors.Select(e => e.Field).ToArray());
        Assert.Single(consumer.Errors);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("  ", 0)]
    [InlineData("1027700132195", 0)]
    [InlineData("1027700132194", 1)]
    public void AddIfPresent_checks_only_given_values(string? ogrn, int errors)
    {
        var checkedValues = new List<string>();
        var result = new ValidationResult().AddIfPresent(ogrn, v =>
        {
            checkedValues.Add(v);
            return Ogrn.Validate(v, "Organization.Ogrn");
        });

        Assert.Equal(errors, result.Errors.Count);
        Assert.Equal(string.IsNullOrWhiteSpace(ogrn) ? 0 : 1, checkedValues.Count);
    }

    [Fact]
    public void ThrowIfInvalid_throws_an_ArgumentException_naming_the_first_field()
    {
        var result = new ValidationResult()
            .Add(Okato.Validate("36", "Region", Okato.FullLength))
            .Add(Snils.Validate("112-233-445 96", "Snils"));

        var ex = Assert.Throws<InputValidationException>(result.ThrowIfInvalid);

        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("Region", ex.ParamName);
        Assert.Equal("Region 36: must be 11 digits, got 2; Snils 112-233-445 96: checksum is 96, expected 95", ex.Message);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("Snils", ex.Errors[1].Field);
    }

    [Fact]
    public void Error_Throw_raises_one_error_without_the_parameter_suffix()
    {
        var error = Inn.Validate("12345", "Inn")!;

        var ex = Assert.Throws<InputValidationException>(error.Throw);

        Assert.Equal("Inn", ex.ParamName);
        Assert.Equal("Inn 12345: must be 10 or 12 digits, got 5", ex.Message);
        Assert.Same(error, Assert.Single(ex.Errors));
    }

    [Fact]
    public void Exception_needs_at_least_one_error()
    {
        Assert.Throws<ArgumentException>(() => new InputValidationException(Array.Empty<ValidationError>()));
        Assert.Throws<ArgumentException>(() => new InputValidationException(new ValidationError[] { null! }));
    }
}
