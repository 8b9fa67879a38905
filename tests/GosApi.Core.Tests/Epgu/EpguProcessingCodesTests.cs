using GosApi.Epgu;
using GosApi.Epgu.Models;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class EpguProcessingCodesTests
{
    /// <summary>001 Appendix 1: every code, its type (Промежуточный / Финальный), and whether it is a failure.</summary>
    public static TheoryData<string, EpguProcessingCode, bool, bool> Appendix1 => new()
    {
        { "NEW", EpguProcessingCode.New, false, false },
        { "VALIDATION", EpguProcessingCode.Validation, false, false },
        { "FILES_VERIFICATION", EpguProcessingCode.FilesVerification, false, false },
        { "FILES_VERIFICATION_SUCCESS", EpguProcessingCode.FilesVerificationSuccess, false, false },
        { "DONE", EpguProcessingCode.Done, true, false }, // "финальный положительный"
        { "LIMITATION_EXCEPTION", EpguProcessingCode.LimitationException, true, true },
        { "INVALID_FILES_STRUCTURE", EpguProcessingCode.InvalidFilesStructure, true, true },
        { "VALIDATION_ERROR", EpguProcessingCode.ValidationError, true, true },
        { "REQ_NOT_FOUND", EpguProcessingCode.ReqNotFound, true, true },
        { "MPC_NOT_FOUND", EpguProcessingCode.MpcNotFound, true, true },
        { "REQ_VERIFY_FAILED", EpguProcessingCode.ReqVerifyFailed, true, true },
        { "FILES_VERIFICATION_FAILED", EpguProcessingCode.FilesVerificationFailed, true, true },
        { "RETRY", EpguProcessingCode.Retry, false, false },
        { "INTERNAL_ERROR", EpguProcessingCode.InternalError, true, true },
    };

    [Theory]
    [MemberData(nameof(Appendix1))]
    public void Every_Appendix_1_code_parses_with_the_spec_s_type(string wire, EpguProcessingCode code, bool isFinal, bool isError)
    {
        Assert.Equal(code, EpguProcessingCodes.Parse(wire));
        Assert.Equal(code, EpguProcessingCodes.Parse(wire.ToLowerInvariant()));
        Assert.Equal(wire, EpguProcessingCodes.ToWire(code));
        Assert.Equal(isFinal, EpguProcessingCodes.IsFinal(code));
        Assert.Equal(isError, EpguProcessingCodes.IsError(code));
        Assert.NotEqual("Неизвестный код обработки", EpguProcessingCodes.Meaning(code));
    }

    [Fact]
    public void Every_enum_value_but_Unknown_is_either_in_Appendix_1_or_the_OK_of_001s_example()
    {
        var listed = Appendix1.Select(row => row.Data.Item2).ToHashSet();
        var others = Enum.GetValues<EpguProcessingCode>().Where(c => c != EpguProcessingCode.Unknown && !listed.Contains(c)).ToList();
        Assert.Equal(new[] { EpguProcessingCode.Ok }, others);
        Assert.Equal(EpguProcessingCode.Ok, EpguProcessingCodes.Parse("OK"));
        Assert.False(EpguProcessingCodes.IsError(EpguProcessingCode.Ok));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SOMETHING_NEW")]
    [InlineData(" DONE")]
    public void Unknown_codes(string? wire)
    {
        var code = EpguProcessingCodes.Parse(wire);
        Assert.Equal(EpguProcessingCode.Unknown, code);
        Assert.False(EpguProcessingCodes.IsFinal(code));
        Assert.False(EpguProcessingCodes.IsError(code));
        Assert.Equal("UNKNOWN", EpguProcessingCodes.ToWire(code));
        Assert.Equal("Неизвестный код обработки", EpguProcessingCodes.Meaning(code));
    }

    [Fact]
    public void A_processing_failure_makes_an_order_final_but_DONE_alone_does_not()
    {
        Assert.True(new EpguOrderDetails { ProcessingCode = EpguProcessingCode.ReqNotFound }.IsFinal);
        Assert.True(new EpguOrderDetails { ProcessingCode = EpguProcessingCode.ReqNotFound }.IsProcessingError);
        // DONE: handed on to the agency; the order goes on, its portal status decides
        Assert.False(new EpguOrderDetails { ProcessingCode = EpguProcessingCode.Done }.IsFinal);
        Assert.False(new EpguOrderDetails { ProcessingCode = EpguProcessingCode.Done }.IsProcessingError);
        Assert.False(new EpguOrderDetails { ProcessingCode = EpguProcessingCode.Retry }.IsFinal);
    }
}
