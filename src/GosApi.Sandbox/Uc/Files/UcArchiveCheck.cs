using System.IO.Compression;

namespace GosApi.Sandbox.Uc.Files;

/// <summary>
/// The documents archive (fileType 8, seed 004 section 6): a zip of at least 6 files for ЮЛ and 5 otherwise, unique
/// names, each starting with one of the spec's words; Заявление, Паспорт, СНИЛС and Фото always, Доверенность for ЮЛ,
/// Отзыв when ФНС found certificates of the applicant. Returns the problem, or null.
/// </summary>
internal static class UcArchiveCheck
{
    private static readonly (string Kind, string[] Prefixes)[] Kinds =
    [
        ("Заявление", ["Заявление", "Application"]),
        ("Доверенность", ["Доверенность", "Procuration"]),
        ("Паспорт", ["Паспорт", "Passport"]),
        ("СНИЛС", ["СНИЛС", "SNILS"]),
        ("Фото", ["Фото", "Photo"]),
        ("Отзыв", ["Отзыв", "Revocation"]),
    ];

    public static string? Check(byte[] zip, int type, bool revocationRequired)
    {
        List<string> names;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            names = archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.Name).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or ArgumentException)
        {
            return "Файл архива документов (тип 8) не является zip-архивом: " + ex.Message;
        }

        var minimum = type == 3 ? 6 : 5;
        if (names.Count < minimum)
            return $"В архиве документов {names.Count} файл(ов), а для заявки типа {type} нужно минимум {minimum}";
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return $"Имена файлов в архиве документов не должны повторяться: «{duplicate.Key}»";

        var present = new HashSet<string>();
        foreach (var name in names)
        {
            var kind = Kinds.FirstOrDefault(k => k.Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))).Kind;
            if (kind is null)
                return $"Имя файла «{name}» в архиве документов должно начинаться со слов Заявление/Application, Доверенность/Procuration, " +
                       "Паспорт/Passport, СНИЛС/SNILS, Фото/Photo или Отзыв/Revocation";
            present.Add(kind);
        }
        var required = new List<string> { "Заявление", "Паспорт", "СНИЛС", "Фото" };
        if (type == 3) required.Insert(1, "Доверенность");
        if (revocationRequired) required.Add("Отзыв");
        var missing = required.Where(k => !present.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            var why = revocationRequired && missing.Contains("Отзыв")
                ? " (в ФНС найдены действующие сертификаты заявителя, checkCertInFNSStatus 3: нужно заявление на отзыв)"
                : "";
            return "В архиве документов нет обязательных файлов: " +
                   string.Join(", ", missing.Select(m => $"{m}/{Kinds.First(k => k.Kind == m).Prefixes[1]}")) + why;
        }
        return null;
    }
}
