using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GosApi.Validation;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// A certificate subject with the usual fields and the Russian identifiers of qualified certificates
    /// (Приказ ФСБ № 795): SNILS, OGRN, OGRNIP, INN and INNLE are encoded as NumericString, E as IA5String, C as
    /// PrintableString, everything else as UTF8String. Set the properties you need (null leaves a field out);
    /// <see cref="Validate"/> checks every field (checksums included) and is run before any key or request is made.
    /// </summary>
    public sealed class GostSubject
    {
        /// <summary>CN, 2.5.4.3 (required).</summary>
        public string? CommonName { get; set; }
        /// <summary>O, 2.5.4.10.</summary>
        public string? Organization { get; set; }
        /// <summary>OU, 2.5.4.11.</summary>
        public string? OrganizationalUnit { get; set; }
        /// <summary>T, 2.5.4.12 (title, e.g. "Генеральный директор").</summary>
        public string? Title { get; set; }
        /// <summary>SN, 2.5.4.4 (surname).</summary>
        public string? Surname { get; set; }
        /// <summary>G, 2.5.4.42 (given name and patronymic, e.g. "Иван Иванович").</summary>
        public string? GivenName { get; set; }
        /// <summary>L, 2.5.4.7 (locality).</summary>
        public string? Locality { get; set; }
        /// <summary>ST, 2.5.4.8 (region, e.g. "77 г. Москва").</summary>
        public string? State { get; set; }
        /// <summary>STREET, 2.5.4.9.</summary>
        public string? Street { get; set; }
        /// <summary>E, 1.2.840.113549.1.9.1 (IA5String: ASCII only).</summary>
        public string? Email { get; set; }
        /// <summary>C, 2.5.4.6: two letters, e.g. "RU".</summary>
        public string? Country { get; set; }
        /// <summary>СНИЛС, 1.2.643.100.3: 11 digits ("11223344595" or "112-233-445 95"), checksum checked.</summary>
        public string? Snils { get; set; }
        /// <summary>ОГРН, 1.2.643.100.1: 13 digits, checksum checked.</summary>
        public string? Ogrn { get; set; }
        /// <summary>ОГРНИП, 1.2.643.100.5: 15 digits, checksum checked.</summary>
        public string? Ogrnip { get; set; }
        /// <summary>ИНН of a person, 1.2.643.3.131.1.1: 12 digits, checksum checked.</summary>
        public string? Inn { get; set; }
        /// <summary>ИНН of a legal entity (ИННЮЛ), 1.2.643.100.4: 10 digits, checksum checked.</summary>
        public string? InnLe { get; set; }

        /// <summary>Every broken rule, e.g. "SNILS 112-233-445 96: checksum is 96, expected 95".</summary>
        public ValidationResult Validate()
        {
            var result = new ValidationResult();
            if (Rules.IsBlank(CommonName)) result.Add(new ValidationError("CN", CommonName, "must not be empty"));
            foreach (var (field, value) in new[]
            {
                ("CN", CommonName), ("O", Organization), ("OU", OrganizationalUnit), ("T", Title), ("SN", Surname),
                ("G", GivenName), ("L", Locality), ("ST", State), ("STREET", Street),
            })
            {
                if (value is null) continue;
                if (Rules.IsBlank(value)) result.Add(field, value, "must not be empty (leave it out instead)");
                else if (value.Any(char.IsControl)) result.Add(field, value, "must not contain control characters");
            }
            result.AddIfPresent(Email, v => GosApi.Validation.Email.Validate(v, "E") ?? (v.Any(c => c > 127) ? new ValidationError("E", v, "must be ASCII (IA5String)") : null));
            result.AddIfPresent(Country, v => v.Length == 2 && v.All(c => c >= 'A' && c <= 'Z') ? null : new ValidationError("C", v, "must be a two-letter upper-case country code such as RU"));
            result.AddIfPresent(Snils, v => GosApi.Validation.Snils.Validate(v, "SNILS"));
            result.AddIfPresent(Ogrn, v => GosApi.Validation.Ogrn.Validate(v, "OGRN"));
            result.AddIfPresent(Ogrnip, v => GosApi.Validation.Ogrnip.Validate(v, "OGRNIP"));
            result.AddIfPresent(Inn, v => GosApi.Validation.Inn.Validate(v, "INN", InnKind.Person));
            result.AddIfPresent(InnLe, v => GosApi.Validation.Inn.Validate(v, "INNLE", InnKind.LegalEntity));
            foreach (var (field, value) in new[] { ("E", Email), ("C", Country), ("SNILS", Snils), ("OGRN", Ogrn), ("OGRNIP", Ogrnip), ("INN", Inn), ("INNLE", InnLe) })
            {
                if (value != null && Rules.IsBlank(value)) result.Add(field, value, "must not be empty (leave it out instead)");
            }
            return result;
        }

        /// <summary>The DER Name; throws <see cref="InputValidationException"/> when a field is invalid.</summary>
        public byte[] ToDer() => ToX509Name().GetDerEncoded();

        /// <summary>RFC 4514 form as Windows shows it, e.g. "CN=Иванов, O=ООО Ромашка, C=RU, SNILS=11223344595".</summary>
        public override string ToString() => GostNames.Format(ToX509Name());

        internal X509Name ToX509Name()
        {
            Validate().ThrowIfInvalid();
            // Encoded from the most general to the most specific, as CAs do; shown reversed (CN first).
            var rdns = new List<(string Oid, Asn1Encodable Value)>();
            void Text(string oid, string? value)
            {
                if (value != null) rdns.Add((oid, new DerUtf8String(value.Trim())));
            }
            void Numeric(string oid, string? value)
            {
                if (value != null) rdns.Add((oid, new DerNumericString(value, true)));
            }
            if (Country != null) rdns.Add((GostNames.C, new DerPrintableString(Country, true)));
            Text(GostNames.ST, State);
            Text(GostNames.L, Locality);
            Text(GostNames.Street, Street);
            Text(GostNames.O, Organization);
            Text(GostNames.OU, OrganizationalUnit);
            Text(GostNames.T, Title);
            Text(GostNames.SN, Surname);
            Text(GostNames.G, GivenName);
            Numeric(GostNames.Ogrn, Ogrn);
            Numeric(GostNames.Ogrnip, Ogrnip);
            Numeric(GostNames.Snils, Snils is null ? null : GosApi.Validation.Snils.Normalize(Snils, "SNILS"));
            Numeric(GostNames.InnLe, InnLe);
            Numeric(GostNames.Inn, Inn);
            if (Email != null) rdns.Add((GostNames.E, new DerIA5String(Email.Trim(), true)));
            Text(GostNames.CN, CommonName);
            var sequence = new DerSequence(rdns.Select(r => (Asn1Encodable)new DerSet(new DerSequence(new DerObjectIdentifier(r.Oid), r.Value))).ToArray());
            return X509Name.GetInstance(sequence);
        }
    }

    /// <summary>Attribute names of subjects and their display.</summary>
    internal static class GostNames
    {
        internal const string CN = "2.5.4.3";
        internal const string SN = "2.5.4.4";
        internal const string SerialNumber = "2.5.4.5";
        internal const string C = "2.5.4.6";
        internal const string L = "2.5.4.7";
        internal const string ST = "2.5.4.8";
        internal const string Street = "2.5.4.9";
        internal const string O = "2.5.4.10";
        internal const string OU = "2.5.4.11";
        internal const string T = "2.5.4.12";
        internal const string G = "2.5.4.42";
        internal const string E = "1.2.840.113549.1.9.1";
        internal const string Ogrn = "1.2.643.100.1";
        internal const string Snils = "1.2.643.100.3";
        internal const string InnLe = "1.2.643.100.4";
        internal const string Ogrnip = "1.2.643.100.5";
        internal const string Inn = "1.2.643.3.131.1.1";

        internal static readonly IReadOnlyDictionary<string, string> Symbols = new Dictionary<string, string>
        {
            [CN] = "CN", [SN] = "SN", [SerialNumber] = "SERIALNUMBER", [C] = "C", [L] = "L", [ST] = "S", [Street] = "STREET",
            [O] = "O", [OU] = "OU", [T] = "T", [G] = "G", [E] = "E", [Ogrn] = "OGRN", [Snils] = "SNILS", [InnLe] = "INNLE",
            [Ogrnip] = "OGRNIP", [Inn] = "INN", ["2.5.4.17"] = "PostalCode", ["0.9.2342.19200300.100.1.25"] = "DC",
            ["2.5.4.65"] = "Pseudonym", ["1.2.840.113549.1.9.2"] = "UnstructuredName",
        };

        /// <summary>(symbol or OID, value) pairs in encoding order.</summary>
        internal static IReadOnlyList<(string Name, string Value)> Attributes(X509Name name)
        {
            var list = new List<(string, string)>();
            var sequence = Asn1Sequence.GetInstance(name.ToAsn1Object());
            foreach (var rdnObject in sequence)
            {
                foreach (var atv in Asn1Set.GetInstance(rdnObject))
                {
                    var pair = Asn1Sequence.GetInstance(atv);
                    var oid = DerObjectIdentifier.GetInstance(pair[0]).Id;
                    var value = pair[1] is IAsn1String s ? s.GetString() : "#" + Org.BouncyCastle.Utilities.Encoders.Hex.ToHexString(pair[1].GetDerEncoded());
                    list.Add((Symbols.TryGetValue(oid, out var symbol) ? symbol : "OID." + oid, value));
                }
            }
            return list;
        }

        /// <summary>Name → value, keys case-insensitive (CN, O, SNILS, INN, …; "OID.x.y" for unknown ones); repeated names joined by "; ".</summary>
        internal static IReadOnlyDictionary<string, string> Fields(X509Name name)
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in Attributes(name))
            {
                var k = key.StartsWith("OID.", StringComparison.Ordinal) ? key.Substring(4) : key;
                fields[k] = fields.TryGetValue(k, out var existing) ? existing + "; " + value : value;
            }
            return fields;
        }

        /// <summary>Reversed encoding order (CN first), values quoted where needed, as Windows and .NET show them.</summary>
        internal static string Format(X509Name name)
        {
            var parts = Attributes(name).Select(a => a.Name + "=" + Quote(a.Value)).ToList();
            parts.Reverse();
            return string.Join(", ", parts);
        }

        private static string Quote(string value)
        {
            if (value.Length == 0) return "\"\"";
            var needs = value.IndexOfAny(new[] { ',', '+', '=', '"', '\\', '<', '>', ';', '\n', '\r' }) >= 0 || value[0] == ' ' || value[value.Length - 1] == ' ' || value[0] == '#';
            return needs ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }
    }
}
