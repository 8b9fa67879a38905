using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace GosApi.Epgu.Incidents
{
    /// <summary>
    /// De-personalises request data for a production incident report (001 Appendix 2, item 5): values of fields that
    /// name SNILS, INN, names, phones, passports, birth data, e-mails and addresses, plus SNILS-, phone- and
    /// passport-shaped numbers anywhere. Codes such as serviceCode, region or orderId stay readable.
    /// </summary>
    public static class PersonalDataMasker
    {
        public const string Mask = "***";

        private static readonly string[] PersonalFieldParts =
        {
            "snils", "inn", "fio", "lastname", "firstname", "middlename", "surname", "patronymic", "givenname", "fullname", "familyname",
            "phone", "mobile", "passport", "series", "docnumber", "birth", "email", "mail", "address", "фио", "фамилия", "имя", "отчество", "снилс", "инн", "телефон", "паспорт",
        };

        // "key": "value" or "key": 123 in JSON, key=value in forms and queries, <key>value</key> in XML.
        private static readonly Regex JsonPair = new Regex("(\"(?<key>[^\"\\\\]{1,64})\"\\s*:\\s*)(?<value>\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d[\\d.eE+-]*)", RegexOptions.CultureInvariant);
        private static readonly Regex FormPair = new Regex("(?<=^|[?&\\s])(?<key>[A-Za-z_][\\w.]{0,63})=(?<value>[^&\\s]*)", RegexOptions.CultureInvariant);
        private static readonly Regex XmlElement = new Regex("(?<open><(?:[\\w.-]+:)?(?<key>[\\w.-]{1,64})(?:\\s[^>]*)?>)(?<value>[^<]*)(?=</)", RegexOptions.CultureInvariant);
        private static readonly Regex Snils = new Regex("\\b\\d{3}-\\d{3}-\\d{3}[ -]\\d{2}\\b", RegexOptions.CultureInvariant);
        private static readonly Regex Phone = new Regex("(?<!\\w)(\\+7|8)[\\s(-]*\\d{3}[\\s)-]*\\d{3}[\\s-]*\\d{2}[\\s-]*\\d{2}\\b", RegexOptions.CultureInvariant);
        private static readonly Regex Passport = new Regex("\\b\\d{2}\\s\\d{2}\\s\\d{6}\\b", RegexOptions.CultureInvariant);

        public static bool IsPersonalField(string name)
        {
            var key = name.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
            // "inn" must not match e.g. "beginning": only a whole word or a suffix/prefix of the field name.
            return PersonalFieldParts.Any(part => part == "inn" || part == "имя"
                ? key == part || key.StartsWith(part, StringComparison.Ordinal) && key.Length <= part.Length + 3 || key.EndsWith(part, StringComparison.Ordinal)
                : key.Contains(part));
        }

        public static string Apply(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = JsonPair.Replace(text!, m => IsPersonalField(m.Groups["key"].Value) ? m.Groups[1].Value + "\"" + Mask + "\"" : m.Value);
            result = FormPair.Replace(result, m => IsPersonalField(m.Groups["key"].Value) ? m.Groups["key"].Value + "=" + Mask : m.Value);
            result = XmlElement.Replace(result, m => IsPersonalField(m.Groups["key"].Value) && m.Groups["value"].Value.Trim().Length > 0 ? m.Groups["open"].Value + Mask : m.Value);
            result = Snils.Replace(result, Mask);
            result = Phone.Replace(result, Mask);
            result = Passport.Replace(result, Mask);
            return result;
        }
    }
}
