using GosApi.ElectronicCertificates;
using Xunit;
using static GosApi.Core.Tests.ElectronicCertificates.EcTestData;

namespace GosApi.Core.Tests.ElectronicCertificates;

public class ElectronicCertificateCodesTests
{
    [Fact]
    public void Reference_lists_keep_the_specs_characters()
    {
        Assert.Equal(new[] { Type1, Type2, Type3, Type4 }, ElectronicCertificateCodes.CertificateTypes.Keys);
        Assert.Equal(new[] { ProgramT, ProgramC }, ElectronicCertificateCodes.Programs.Keys);
        Assert.All(ElectronicCertificateCodes.BlockReasons.Keys, k => Assert.Equal("0045 0421 0412 0052", Codes(k.Substring(0, 4))));
        Assert.Equal(7, ElectronicCertificateCodes.BlockReasons.Count);
        // Status codes are plain Latin.
        Assert.All(ElectronicCertificateCodes.Statuses.Keys.Concat(ElectronicCertificateCodes.StatusReasons.Keys).Concat(ElectronicCertificateCodes.TransactionTypes.Keys),
            k => Assert.All(k, c => Assert.True(c < 128, k)));
    }

    [Theory]
    [InlineData("ECTP0001", Type1)]
    [InlineData("естр0002", Type2)]
    [InlineData(" eCтP0003\t", Type3)]
    [InlineData("ECTP0009", null)]
    [InlineData("ECTP000", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_maps_look_alikes_to_the_specs_spelling(string? typed, string? expected) =>
        Assert.Equal(expected, ElectronicCertificateCodes.Normalize(ElectronicCertificateCodes.CertificateTypes, typed));

    [Theory]
    [InlineData("ECBR0005", "E\u0421\u0412R0005")]
    [InlineData("ЕСВR9010", "E\u0421\u0412R9010")]
    [InlineData("ЕСВР0001", "E\u0421\u0412R0001")] // all Cyrillic, as typed on a Russian layout
    [InlineData("ecbr0002", "E\u0421\u0412R0002")]
    [InlineData("ECTP0001", null)] // a code of another list
    public void Normalize_works_per_list(string typed, string? expected) =>
        Assert.Equal(expected, ElectronicCertificateCodes.Normalize(ElectronicCertificateCodes.BlockReasons, typed));

    [Fact]
    public void Describe_gives_the_meaning_of_known_codes()
    {
        var active = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.Statuses, "ECSTACTV")!;
        Assert.Equal("ECSTACTV", active.Code);
        Assert.Equal("Активный", active.Meaning);
        Assert.True(active.IsKnown);
        Assert.Equal("ECSTACTV (Активный)", active.ToString());
        Assert.True(active.Equals("ECSTACTV"));
        Assert.Equal(active, ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.Statuses, "ECSTACTV"));

        Assert.Equal("Покупка", ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.TransactionTypes, "OPTPPRCH")!.Meaning);
        Assert.Equal("Задача исполнена и сведения получены", ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.TaskStatuses, "taskIsExecuted")!.Meaning);
    }

    [Fact]
    public void Describe_keeps_unknown_codes_and_maps_null_to_null()
    {
        var unknown = ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.Statuses, "ECSTNEW1")!;
        Assert.Equal("ECSTNEW1", unknown.Code);
        Assert.False(unknown.IsKnown);
        Assert.Equal("", unknown.Meaning);
        Assert.Equal("ECSTNEW1", unknown.ToString());
        Assert.Null(ElectronicCertificateCodes.Describe(ElectronicCertificateCodes.Statuses, null));
    }

    [Theory]
    [InlineData("\u0415\u042100200", "EC00200")] // the seed's table: Cyrillic Е and С
    [InlineData("E\u042100216", "EC00216")]
    [InlineData("EC00201", "EC00201")]
    [InlineData(" EC00272 ", "EC00272")]
    public void Error_codes_are_read_in_either_alphabet(string code, string expected)
    {
        Assert.Equal(expected, ElectronicCertificateErrorCatalog.NormalizeCode(code));
        Assert.True(ElectronicCertificateErrorCatalog.Codes.ContainsKey(expected));
    }

    [Fact]
    public void Task_type_of_each_operation()
    {
        Assert.Equal("ec-create", GosApi.ElectronicCertificates.Models.ElectronicCertificateRecord.Path(GosApi.ElectronicCertificates.Models.ElectronicCertificateOperation.Create));
        Assert.Equal("ec_edit", GosApi.ElectronicCertificates.Models.ElectronicCertificateRecord.TaskType(GosApi.ElectronicCertificates.Models.ElectronicCertificateOperation.Edit));
        Assert.Equal("ec_block", GosApi.ElectronicCertificates.Models.ElectronicCertificateRecord.TaskType(GosApi.ElectronicCertificates.Models.ElectronicCertificateOperation.Block));
    }
}
