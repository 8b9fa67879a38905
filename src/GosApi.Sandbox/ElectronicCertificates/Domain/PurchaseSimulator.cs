using System.Text.Json.Nodes;

namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>
/// Test hook: a purchase (OPTPPRCH) with an active certificate at a sandbox shop. Lowers the remainders the
/// certificate type keeps and sets usageStatus ECUSPART (ECUSFULL when nothing is left).
/// </summary>
internal sealed class PurchaseSimulator(EcClientRegistry clients, EcTaskRunner runner, CertificateNumbers numbers, TimeProvider time)
{
    public const long DefaultUnitPrice = 10_000; // kopecks, where the good has no maxAmount

    /// <exception cref="KeyNotFoundException">No client owns the certificate.</exception>
    /// <exception cref="InvalidOperationException">Blocked, or the purchase exceeds what is left.</exception>
    public ElectronicCertificatePurchase Purchase(string certificateNumber, string? goodsCode, int quantity, long? amount)
    {
        if (quantity < 1) throw new ArgumentException($"quantity: {quantity} must be at least 1");
        if (amount is < 0) throw new ArgumentException($"amount: {amount} must not be negative");
        foreach (var account in clients.Accounts)
        {
            lock (account.Gate)
            {
                runner.RunDue(account);
                if (account.Certificates.TryGetValue(certificateNumber, out var certificate))
                    return Apply(certificate, goodsCode, quantity, amount);
            }
        }
        throw new KeyNotFoundException($"certificate {certificateNumber}: not issued (or its ec-create task has not run yet)");
    }

    private ElectronicCertificatePurchase Apply(Certificate certificate, string? goodsCode, int quantity, long? amount)
    {
        if (certificate.IsBlocked) throw new InvalidOperationException($"certificate {certificate.Number} is blocked");
        var good = goodsCode is null ? certificate.Goods[0] : certificate.Goods.FirstOrDefault(g => g.Code == goodsCode)
            ?? throw new InvalidOperationException($"certificate {certificate.Number} has no good {goodsCode}");

        var quantityLeft = good.ActualQuantity ?? certificate.ActualQuantity;
        if (quantityLeft is { } q && quantity > q) throw new InvalidOperationException($"quantity {quantity}: only {q} left");
        var amountLeft = good.ActualAmount ?? certificate.ActualAmount ?? long.MaxValue;
        var ceiling = Math.Min(amountLeft, good.MaxAmount is { } max ? max * quantity : long.MaxValue);
        var paid = amount ?? Math.Min(ceiling, (good.MaxAmount ?? DefaultUnitPrice) * quantity);
        if (paid > ceiling) throw new InvalidOperationException($"amount {paid}: at most {ceiling} may be paid");

        if (good.ActualQuantity is not null) good.ActualQuantity -= quantity;
        else if (certificate.ActualQuantity is not null) certificate.ActualQuantity -= quantity;
        if (good.ActualAmount is not null) good.ActualAmount -= paid;
        else if (certificate.ActualAmount is not null) certificate.ActualAmount -= paid;
        certificate.UsageStatus = UsedUp(certificate) ? "ECUSFULL" : "ECUSPART";

        var purchase = new ElectronicCertificatePurchase(numbers.NextTransaction(), certificate.Number, good.Code, quantity, paid, time.GetUtcNow());
        certificate.Transactions.Add(Transaction(purchase, good));
        return purchase;
    }

    private static bool UsedUp(Certificate certificate)
    {
        var tracked = certificate.Goods.Where(g => g.ActualQuantity is not null || g.ActualAmount is not null).ToList();
        return certificate.ActualAmount == 0 || certificate.ActualQuantity == 0
            || (tracked.Count > 0 && tracked.All(g => g.ActualQuantity == 0 || g.ActualAmount == 0));
    }

    private static JsonObject Transaction(ElectronicCertificatePurchase purchase, CertificateGood good) => new()
    {
        ["transactionNumber"] = purchase.TransactionNumber,
        ["transactionType"] = "OPTPPRCH",
        ["transactionTimestamp"] = EcTime.Format(purchase.Timestamp),
        ["transactionAddress"] = "г. Москва, ул. Песочная, д. 1",
        ["transactionGoodsWorksServices"] = new JsonArray(new JsonObject
        {
            ["code"] = good.Code,
            ["name"] = good.Name,
            ["transactionAmount"] = purchase.Amount,
            ["transactionFullAmount"] = purchase.Amount,
            ["transactionQuantity"] = purchase.Quantity,
        }),
        ["seller"] = new JsonObject { ["fullName"] = "ООО «Песочница»", ["INN"] = "7707083893", ["KPP"] = "773601001" },
        ["transactionTotalAmount"] = purchase.Amount,
        ["transactionTotalFullAmount"] = purchase.Amount,
    };
}
