using GosApi.Epgu.Incidents;
using Xunit;

namespace GosApi.Core.Tests.Epgu.Incidents;

/// <summary>De-personalised request data for PROD incident reports (001 Appendix 2, item 5).</summary>
public sealed class PersonalDataMaskerTests
{
    [Fact]
    public void Personal_json_fields_are_masked_and_service_codes_are_kept()
    {
        var json = "{\"serviceCode\":\"10000000101\",\"region\":\"45000000000\",\"orderId\":764255248,\"snils\":\"11223344595\",\"inn\":\"7707083893\","
                   + "\"lastName\":\"Иванов\",\"firstName\":\"Иван\",\"middleName\":\"Иванович\",\"phone\":\"+79123456789\",\"passportSeries\":\"4509\",\"passportNumber\":123456,\"birthDate\":\"1980-01-01\"}";
        var masked = PersonalDataMasker.Apply(json);
        Assert.Contains("\"serviceCode\":\"10000000101\"", masked);
        Assert.Contains("\"region\":\"45000000000\"", masked);
        Assert.Contains("\"orderId\":764255248", masked);
        foreach (var value in new[] { "11223344595", "7707083893", "Иванов", "Иван", "+79123456789", "4509", "123456", "1980-01-01" })
            Assert.DoesNotContain(value, masked);
        Assert.Contains("\"snils\":\"***\"", masked);
    }

    [Fact]
    public void Shaped_numbers_in_free_text_forms_and_xml_are_masked()
    {
        var text = "Заявитель 112-233-445 95, тел. +7 (912) 345-67-89, паспорт 45 09 123456; snils=11223344595&region=45000000000 <ns:LastName>Петров</ns:LastName><Code>123</Code>";
        var masked = PersonalDataMasker.Apply(text);
        foreach (var value in new[] { "112-233-445 95", "345-67-89", "45 09 123456", "11223344595", "Петров" })
            Assert.DoesNotContain(value, masked);
        Assert.Contains("region=45000000000", masked);
        Assert.Contains("<Code>123</Code>", masked);
    }

    [Theory]
    [InlineData("inn", true)]
    [InlineData("innUl", true)]
    [InlineData("personInn", true)]
    [InlineData("beginning", false)]
    [InlineData("serviceCode", false)]
    [InlineData("targetCode", false)]
    [InlineData("mobilePhone", true)]
    public void Field_names_are_recognised(string name, bool personal) => Assert.Equal(personal, PersonalDataMasker.IsPersonalField(name));
}
