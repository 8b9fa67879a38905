namespace GosApi.Sandbox.Epgu;

/// <summary>The services the sandbox accepts orders for.</summary>
internal sealed class ServiceCatalog
{
    public IReadOnlyList<EpguService> Services { get; } = new[]
    {
        new EpguService("10000092161", "-1959599598", "Предоставление информации о наличии исполнительного производства онлайн",
            "ФССП России", "10000001045", "fssp", RequiresSignatures: false, RequiresOrderNumberInXml: true),
        new EpguService("10000000113", "-10000000113", "Выдача справки о размере пенсии и иных социальных выплат на дату",
            "ПФР", "10000002796", "pfr", RequiresSignatures: false, RequiresOrderNumberInXml: false),
        new EpguService("10000001020", "-10000001020", "Государственная регистрация юридического лица (подписание УКЭП)",
            "ФНС России", "10000001022", "fns", RequiresSignatures: true, RequiresOrderNumberInXml: false),
        new EpguService("10000001021", "-10000001021", "Внесение изменений в сведения о юридическом лице (подписание УКЭП, номер заявления в XML)",
            "ФНС России", "10000001022", "fns", RequiresSignatures: true, RequiresOrderNumberInXml: true),
    };

    /// <summary>The service for validated meta; unknown serviceCode is service_not_found, a foreign targetCode bad_request.</summary>
    public EpguService Resolve(OrderMeta meta)
    {
        var service = Services.FirstOrDefault(s => s.ServiceCode == meta.ServiceCode)
            ?? throw EpguErrors.ServiceNotFound(meta.ServiceCode);
        if (service.TargetCode != meta.TargetCode)
            throw EpguErrors.BadRequest($"targetCode: '{meta.TargetCode}' is not a target of service {service.ServiceCode} (expected {service.TargetCode})");
        return service;
    }
}
