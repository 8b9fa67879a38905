using System.Globalization;
using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Uc.Domain;

/// <summary>
/// The fake ФНС register behind fns/find: a fixed, seeded list (the same in every sandbox). 250 certificates of
/// ПАО «Песочница» (ОГРН 1027700132195, ИНН ЮЛ 7707083893) so that paging is needed, the spec's example certificate
/// (СНИЛС 47541149089), and two of an ИП (ОГРНИП 304500116000157).
/// </summary>
internal static class UcFnsRegistry
{
    public sealed record FnsCertificate(string Sn, DateTimeOffset IssueDate, string Cn, string Inn, string InnLe, string Ogrn,
        string OgrnIp, string Snils, string OrganizationName, string SurName, string GivenName, DateTimeOffset? DeferredRevocation);

    public const string BigOgrn = "1027700132195";
    public const string BigInnLe = "7707083893";
    public const int BigCount = 250;

    public static readonly IReadOnlyList<FnsCertificate> All = Build();

    public static IEnumerable<FnsCertificate> Find(string? snils, string? inn, string? ogrn, string? ogrnip, string? serialNumber) =>
        All.Where(c =>
            (snils is null || c.Snils == snils) &&
            (inn is null || c.Inn == inn || (inn.StartsWith("00", StringComparison.Ordinal) && c.InnLe == inn[2..])) &&
            (ogrn is null || c.Ogrn == ogrn) &&
            (ogrnip is null || c.OgrnIp == ogrnip) &&
            (serialNumber is null || c.Sn == serialNumber));

    public static JsonObject Json(FnsCertificate c) => new()
    {
        ["sn"] = c.Sn,
        ["issueDate"] = Iso(c.IssueDate),
        ["revocationDate"] = Iso(c.IssueDate.AddYears(1)),
        ["cn"] = c.Cn,
        ["inn"] = c.Inn,
        ["innLe"] = c.InnLe,
        ["ogrn"] = c.Ogrn,
        ["ogrnIp"] = c.OgrnIp,
        ["snils"] = c.Snils,
        ["organizationName"] = c.OrganizationName,
        ["surName"] = c.SurName,
        ["givenName"] = c.GivenName,
        ["status"] = "Valid",
        ["revocationReason"] = null,
        ["revokedWhen"] = null,
        ["deferredRevocationDate"] = c.DeferredRevocation is { } d ? Iso(d) : null,
    };

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static List<FnsCertificate> Build()
    {
        var random = new Random(4);
        var start = new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
        string[] surnames = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов"];
        string[] givenNames = ["Иван Сергеевич", "Пётр Андреевич", "Алексей Николаевич", "Дмитрий Олегович"];
        var list = new List<FnsCertificate>
        {
            new("2834A900C1AE53B8475AC1E467F74E39", new DateTimeOffset(2025, 6, 27, 10, 6, 4, TimeSpan.Zero), "ПАО \"Ромашка\"",
                "597114686901", "0968189644", "1172314090805", "", "47541149089", "ПАО \"Ромашка\"", "Иванов", "Иван Сергеевич", null),
        };
        for (var i = 0; i < BigCount; i++)
        {
            var person = i % 5 != 4; // every fifth is impersonal (for the organisation itself)
            var surname = surnames[i % surnames.Length];
            var given = givenNames[i % givenNames.Length];
            list.Add(new FnsCertificate(Serial(random), start.AddHours(i * 7), person ? $"{surname} {given}" : "ПАО \"Песочница\"",
                person ? Inn12(random) : "", BigInnLe, BigOgrn, "", person ? Snils(random) : "", "ПАО \"Песочница\"",
                person ? surname : "", person ? given : "", i % 50 == 0 ? start.AddYears(2) : null));
        }
        for (var i = 0; i < 2; i++)
            list.Add(new FnsCertificate(Serial(random), start.AddDays(30 * i), "Индивидуальный предприниматель Соколов Алексей Николаевич",
                "500100732259", "", "", "304500116000157", "11223344595", "", "Соколов", "Алексей Николаевич", null));
        return list;
    }

    private static string Serial(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[0] &= 0x7F;
        return Convert.ToHexString(bytes);
    }

    private static string Inn12(Random random)
    {
        while (true)
        {
            var digits = string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('0' + random.Next(10)))) + "00";
            for (var c = 0; c < 100; c++)
            {
                var candidate = digits[..10] + c.ToString("D2", CultureInfo.InvariantCulture);
                if (UcChecksums.Inn12(candidate)) return candidate;
            }
        }
    }

    private static string Snils(Random random)
    {
        while (true)
        {
            var body = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + random.Next(10))));
            for (var c = 0; c < 100; c++)
            {
                var candidate = body + c.ToString("D2", CultureInfo.InvariantCulture);
                if (UcChecksums.Snils(candidate)) return candidate;
            }
        }
    }
}
