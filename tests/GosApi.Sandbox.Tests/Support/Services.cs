namespace GosApi.Sandbox.Tests.Support;

/// <summary>The sandbox's service catalogue as the tests use it.</summary>
internal static class Services
{
    public const string Region = "36000000000";

    /// <summary>Order number must be in req.xml; no signatures.</summary>
    public static readonly ServiceRef Fssp = new("10000092161", "-1959599598");
    /// <summary>Neither order number nor signatures (001's /push example).</summary>
    public static readonly ServiceRef Pension = new("10000000113", "-10000000113");
    /// <summary>Every file needs a detached .sig, a GOST CMS by a certificate of the sandbox test CA.</summary>
    public static readonly ServiceRef Signed = new("10000001020", "-10000001020");
    /// <summary>Order number in req.xml and a detached .sig per file.</summary>
    public static readonly ServiceRef SignedWithOrderNumber = new("10000001021", "-10000001021");
}

internal sealed record ServiceRef(string ServiceCode, string TargetCode)
{
    public string Meta(string region = Services.Region) =>
        $$"""{"region":"{{region}}","serviceCode":"{{ServiceCode}}","targetCode":"{{TargetCode}}"}""";
}
