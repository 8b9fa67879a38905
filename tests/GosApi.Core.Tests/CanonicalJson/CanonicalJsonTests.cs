using System.Text;
using System.Text.Json;
using Xunit;
using Jcs = GosApi.Json.CanonicalJson;

namespace GosApi.Core.Tests.CanonicalJson;

public class CanonicalJsonTests
{
    // RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical form (checked against V8's JSON.stringify).
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")] // -0
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Appendix_B_numbers(string hex, string expected)
    {
        var d = FromHex(hex);
        Assert.Equal(expected, Jcs.SerializeNumber(d));
        // The same value written as JSON text canonicalises to the same string.
        Assert.Equal(expected, Jcs.Canonicalize(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0000000000000001")]
    [InlineData("8000000000000001")]
    [InlineData("7fefffffffffffff")]
    [InlineData("4340000000000000")]
    [InlineData("4430000000000000")]
    [InlineData("44b52d02c7e14af5")]
    [InlineData("44b52d02c7e14af6")]
    [InlineData("44b52d02c7e14af7")]
    [InlineData("444b1ae4d6e2ef4e")]
    [InlineData("444b1ae4d6e2ef4f")]
    [InlineData("444b1ae4d6e2ef50")]
    [InlineData("3eb0c6f7a0b5ed8c")]
    [InlineData("3eb0c6f7a0b5ed8d")]
    [InlineData("41b3de4355555553")]
    [InlineData("41b3de4355555554")]
    [InlineData("41b3de4355555555")]
    [InlineData("41b3de4355555556")]
    [InlineData("41b3de4355555557")]
    [InlineData("becbf647612f3696")]
    [InlineData("43143ff3c1cb0959")]
    [InlineData("3fd3333333333334")] // 0.1 + 0.2 = 0.30000000000000004
    [InlineData("3fb999999999999a")] // 0.1
    [InlineData("4024000000000000")] // 10
    [InlineData("0010000000000000")] // smallest normal
    [InlineData("000fffffffffffff")] // largest subnormal
    [InlineData("c5521dbcea8249c6")] // 17-digit form ends in 5: the exact value decides between 16-digit neighbours
    [InlineData("0272ac3c782abffb")]
    [InlineData("4945147a68892934")]
    [InlineData("7cf06962c63ef641")]
    [InlineData("8dad80f47a135ecc")]
    public void Portable_shortest_digit_search_agrees_with_round_trip(string hex)
    {
        var d = System.Math.Abs(FromHex(hex));
        Jcs.ParseDecimal(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), out var a, out var pa);
        Jcs.ShortestDigitsBySearch(d, out var b, out var pb);
        Assert.Equal(a, b);
        Assert.Equal(pa, pb);
    }

    [Theory]
    [InlineData("7fffffffffffffff")] // NaN
    [InlineData("7ff0000000000000")] // Infinity
    [InlineData("fff0000000000000")] // -Infinity
    public void Appendix_B_non_finite_values_are_rejected(string hex)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Jcs.SerializeNumber(FromHex(hex)));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e5", "0")]
    [InlineData("1.0", "1")]
    [InlineData("100", "100")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("123e18", "123000000000000000000")]
    [InlineData("1e-6", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("0.1", "0.1")]
    [InlineData("-1.25", "-1.25")]
    [InlineData("9007199254740993", "9007199254740992")] // beyond 2^53: the double is what counts
    [InlineData("18446744073709551616", "18446744073709552000")]
    [InlineData("12345678901234567890123", "1.2345678901234568e+22")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("1E30", "1e+30")]
    public void Number_text_to_ecmascript_form(string json, string expected)
    {
        Assert.Equal(expected, Jcs.Canonicalize(json));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void Numbers_beyond_double_range_are_rejected(string json)
    {
        Assert.Throws<FormatException>(() => Jcs.Canonicalize(json));
    }

    [Fact]
    public void Rfc8785_section_3_2_3_sample()
    {
        const string input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n" +
                             "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n" +
                             "  \"literals\": [null, true, false]\n}";
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27]," +
                                "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        Assert.Equal(expected, Jcs.Canonicalize(input));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Jcs.CanonicalizeToUtf8(input));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Jcs.CanonicalizeToUtf8(Encoding.UTF8.GetBytes(input)));
    }

    [Fact]
    public void Rfc8785_sorting_example_orders_by_utf16_code_units()
    {
        const string input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\"," +
                             "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\"," +
                             "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        const string expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\"," +
                                "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, Jcs.Canonicalize(input));
        // The surrogate pair (D83D) sorts before U+FB33 although its code point (U+1F600) is larger.
        Assert.True(expected.IndexOf("\ud83d\ude00", StringComparison.Ordinal) < expected.IndexOf("\ufb33", StringComparison.Ordinal));
        Assert.Equal(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, Encoding.UTF8.GetBytes("\ud83d\ude00"));
        Assert.Contains("\u20ac\":\"Euro Sign\",\"\ud83d\ude00", Encoding.UTF8.GetString(Jcs.CanonicalizeToUtf8(input)));
    }

    [Fact]
    public void Nested_objects_are_sorted_and_arrays_keep_their_order()
    {
        Assert.Equal("{\"a\":[3,{\"x\":1,\"y\":2},1],\"b\":{\"A\":true,\"a\":false,\"aa\":null}}",
            Jcs.Canonicalize(" { \"b\" : { \"aa\":null, \"a\":false, \"A\":true },\r\n\t\"a\":[ 3, {\"y\":2,\"x\":1}, 1 ] } "));
    }

    [Theory]
    [InlineData("\"\\u0000\\u001f\\u0007\"", "\"\\u0000\\u001f\\u0007\"")]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\u0008\\u000C\"", "\"\\b\\f\"")]
    [InlineData("\"\\/\"", "\"/\"")]
    [InlineData("\"\\u007f\"", "\"\u007f\"")] // DEL is not escaped
    [InlineData("\"\\u2028\\u2029\"", "\"\u2028\u2029\"")] // literal, unlike JavaScript source
    [InlineData("\"<>&'\"", "\"<>&'\"")]
    [InlineData("\"Привет\"", "\"Привет\"")]
    [InlineData("\"\\u041f\"", "\"П\"")]
    [InlineData("\"\\\"\\\\\"", "\"\\\"\\\\\"")]
    [InlineData("\"\\uD83D\\uDE00\"", "\"\ud83d\ude00\"")]
    public void Strings_use_minimal_escaping(string json, string expected)
    {
        Assert.Equal(expected, Jcs.Canonicalize(json));
    }

    [Fact]
    public void SerializeString_escapes_controls_in_lowercase_hex()
    {
        Assert.Equal("\"a\\u001bb\\u000b\"", Jcs.SerializeString("a\u001bb\u000b"));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData(" [ ] ", "[]")]
    public void Literals_and_empty_containers(string json, string expected)
    {
        Assert.Equal(expected, Jcs.Canonicalize(json));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1,\"b\":{\"c\":1,\"c\":1}}")]
    [InlineData("[{\"\\u0061\":1,\"a\":2}]")] // same name after unescaping
    public void Duplicate_member_names_are_rejected(string json)
    {
        var ex = Assert.Throws<FormatException>(() => Jcs.Canonicalize(json));
        Assert.Contains("Duplicate", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{'a':1}")]
    [InlineData("[1,]")]
    [InlineData("NaN")]
    [InlineData("01")]
    [InlineData("/*c*/1")]
    [InlineData("\"\\ud800\"")] // lone surrogate
    public void Invalid_json_is_rejected(string json)
    {
        Assert.Throws<FormatException>(() => Jcs.CanonicalizeToUtf8(json));
    }

    [Fact]
    public void Accepts_a_JsonElement()
    {
        using var doc = JsonDocument.Parse("{\"z\":1.50,\"y\":[true]}");
        Assert.Equal("{\"y\":[true],\"z\":1.5}", Jcs.Canonicalize(doc.RootElement));
        Assert.Equal(Encoding.UTF8.GetBytes("{\"y\":[true],\"z\":1.5}"), Jcs.CanonicalizeToUtf8(doc.RootElement));
    }

    private static double FromHex(string hex) => BitConverter.Int64BitsToDouble(Convert.ToInt64(hex, 16));
}
