namespace GosApi.Core.Tests.Epgu;

/// <summary>The 001 examples in tests/GosApi.Core.Tests/Fixtures (see its README).</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string OrderDetails => Read("epgu-001-order-details.json");
    public static string UpdatedAfter => Read("epgu-001-getUpdatedAfter.json");
    public static string OrdersStatus => Read("epgu-001-getOrdersStatus.json");
    public static string NsiBic => Read("epgu-001-nsi-BIC.json");
}
