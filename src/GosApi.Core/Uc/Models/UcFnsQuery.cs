using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using GosApi.Validation;

namespace GosApi.Uc.Models
{
    /// <summary>findCertParams of fns/find: a SNILS, INN, OGRN, OGRNIP or serial number, or the spec's pairs.</summary>
    public sealed class UcFnsQuery
    {
        public string? Snils { get; set; }
        /// <summary>12 characters: a person's INN, or a legal entity's with "00" in front (added here for a 10-digit INN).</summary>
        public string? Inn { get; set; }
        public string? Ogrn { get; set; }
        public string? Ogrnip { get; set; }
        /// <summary>Upper-case hex with an even number of characters.</summary>
        public string? SerialNumber { get; set; }
        public int? Offset { get; set; }

        public ValidationResult Validate()
        {
            var r = new ValidationResult();
            if (new[] { Snils, Inn, Ogrn, Ogrnip, SerialNumber }.All(Rules.IsBlank)) r.Add("Snils", null, "give a SNILS, INN, OGRN, OGRNIP or serial number to search for");
            if (!Rules.IsBlank(Snils))
            {
                if (Validation.Snils.Validate(Snils, "Snils") is { } e) r.Add(e); else Snils = Validation.Snils.Normalize(Snils);
            }
            if (!Rules.IsBlank(Inn))
            {
                var inn = Inn!.Trim();
                if (inn.Length == 10 && Validation.Inn.IsValid(inn, InnKind.LegalEntity)) Inn = "00" + inn;
                else if (inn.Length == 12 && inn.StartsWith("00", System.StringComparison.Ordinal) && Validation.Inn.IsValid(inn.Substring(2), InnKind.LegalEntity)) Inn = inn;
                else r.Add(Validation.Inn.Validate(Inn = inn, "Inn", InnKind.Person));
            }
            if (!Rules.IsBlank(Ogrn)) r.Add(Validation.Ogrn.Validate(Ogrn = Ogrn!.Trim(), "Ogrn"));
            if (!Rules.IsBlank(Ogrnip)) r.Add(Validation.Ogrnip.Validate(Ogrnip = Ogrnip!.Trim(), "Ogrnip"));
            if (!Rules.IsBlank(SerialNumber))
            {
                var serial = SerialNumber!.Trim().Replace(" ", string.Empty).Replace(":", string.Empty).ToUpperInvariant();
                if (serial.Length % 2 != 0 || !serial.All(c => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) r.Add("SerialNumber", SerialNumber, "must be hex digits, an even number of them");
                SerialNumber = serial;
            }
            if (Offset.HasValue && Offset.Value < 0) r.Add("Offset", Offset.Value.ToString(CultureInfo.InvariantCulture), "must not be negative");
            return r;
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject();
            if (!Rules.IsBlank(Snils)) json["snils"] = Snils;
            if (!Rules.IsBlank(Inn)) json["inn"] = Inn;
            if (!Rules.IsBlank(Ogrn)) json["ogrn"] = Ogrn;
            if (!Rules.IsBlank(Ogrnip)) json["ogrnip"] = Ogrnip;
            if (!Rules.IsBlank(SerialNumber)) json["serialNumber"] = SerialNumber;
            return json;
        }
    }
}
