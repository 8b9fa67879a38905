namespace GosApi.Sandbox.Epgu.Nsi;

/// <summary>Dictionary OKATO: a small hierarchical OKATO-like tree of regions and their parts (up to three levels).</summary>
internal static class OkatoDictionary
{
    public const string Code = "OKATO";

    public static NsiDictionary Create()
    {
        var moscow = Region("45000000000", "г. Москва")
            .Add(Item("45286000000", "45000000000", "Районы Центрального административного округа"))
            .Add(Item("45280000000", "45000000000", "Районы Северо-Восточного административного округа"))
            .Add(Item("45293000000", "45000000000", "Районы Южного административного округа"));
        var petersburg = Region("40000000000", "г. Санкт-Петербург")
            .Add(Item("40262000000", "40000000000", "Районы Санкт-Петербурга"))
            .Add(Item("40298000000", "40000000000", "Города и поселки городского типа, подчиненные администрациям районов Санкт-Петербурга"));
        var voronezh = Region("20000000000", "Воронежская область")
            .Add(Item("20401000000", "20000000000", "Города областного подчинения Воронежской области"))
            .Add(Item("20203000000", "20000000000", "Районы Воронежской области"));
        var samaraCities = Item("36401000000", "36000000000", "Города областного подчинения Самарской области")
            .Add(Item("36401360000", "36401000000", "г. Самара"))
            .Add(Item("36401364000", "36401000000", "г. Тольятти"))
            .Add(Item("36401368000", "36401000000", "г. Сызрань"));
        var samara = Region("36000000000", "Самарская область")
            .Add(samaraCities)
            .Add(Item("36200000000", "36000000000", "Районы Самарской области"));
        var tatarstan = Region("92000000000", "Республика Татарстан")
            .Add(Item("92401000000", "92000000000", "Города республиканского подчинения Республики Татарстан"));
        return new NsiDictionary(Code, [voronezh, samara, petersburg, moscow, tatarstan]);
    }

    private static NsiItem Region(string value, string title) => Item(value, null, title);

    private static NsiItem Item(string value, string? parent, string title) =>
        new(value, parent, title, new Dictionary<string, string> { ["OKATO"] = value });
}
