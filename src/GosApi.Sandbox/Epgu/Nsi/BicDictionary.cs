namespace GosApi.Sandbox.Epgu.Nsi;

/// <summary>
/// Dictionary BIC: 300 made-up banks (enough for real paging) with correspondent accounts whose control key is valid
/// for the BIC (Bank of Russia algorithm, weights 7-1-3).
/// </summary>
internal static class BicDictionary
{
    public const string Code = "BIC";
    public const int Count = 300;

    private static readonly (string Okato, string Name)[] Regions =
    [
        ("45", "г. Москва"), ("40", "г. Санкт-Петербург"), ("20", "Воронежская область"), ("36", "Самарская область"),
        ("46", "Московская область"), ("52", "Омская область"), ("60", "Ростовская область"), ("65", "Свердловская область"),
        ("92", "Республика Татарстан"), ("03", "Краснодарский край"),
    ];

    public static NsiDictionary Create()
    {
        var items = new List<NsiItem>();
        for (var i = 0; i < Count; i++)
        {
            var region = Regions[i % Regions.Length];
            var bankNumber = 100 + (i % Regions.Length) * 37;
            var bic = $"04{region.Okato}{i / Regions.Length:D2}{bankNumber:D3}";
            var title = i < 20 ? $"ПУ БАНКА РОССИИ N {43192 + i}" : $"АО «САНДБОКС БАНК {i + 1:D3}» ({region.Name})";
            items.Add(new NsiItem(bic, null, title, new Dictionary<string, string>
            {
                ["BIC"] = bic,
                ["KS"] = CorrespondentAccount(bic),
                ["NAME"] = title,
                ["REGION"] = region.Name,
            }));
        }
        return new NsiDictionary(Code, items.OrderBy(item => item.Value, StringComparer.Ordinal).ToList());
    }

    /// <summary>30101810K00000000XXX with XXX the BIC's last three digits and K the control key.</summary>
    public static string CorrespondentAccount(string bic)
    {
        var account = "30101810" + "0" + "00000000" + bic[^3..];
        var control = "0" + bic.Substring(4, 2) + account;
        int[] weights = [7, 1, 3];
        var sum = 0;
        for (var i = 0; i < control.Length; i++) sum += (control[i] - '0') * weights[i % 3] % 10;
        var key = sum % 10 * 3 % 10;
        return account[..8] + key + account[9..];
    }
}
