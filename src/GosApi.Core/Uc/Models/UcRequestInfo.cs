using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using GosApi.Json;
using GosApi.Validation;

namespace GosApi.Uc.Models
{
    /// <summary>
    /// The "info" block of request/create, request/change and request/view (seed 004, 3–5): the applicant, the
    /// organisation, products and identification. Checked with checksums before anything is sent.
    /// </summary>
    public sealed class UcRequestInfo
    {
        private const string DateFormat = "dd.MM.yyyy";

        public UcApplicantType Type { get; set; } = UcApplicantType.Person;
        public string? LastName { get; set; }
        public string? FirstName { get; set; }
        public string? MiddleName { get; set; }
        /// <summary>M (мужской), F (женский) or U (не определён); a Cyrillic М is read as M.</summary>
        public string? Gender { get; set; }
        public DateTime? BirthDate { get; set; }
        public string? PassportSerial { get; set; }
        public string? PassportNumber { get; set; }
        public DateTime? PassportDate { get; set; }
        /// <summary>Код подразделения: XXXXXX, XXX-XXX or XXX XXX.</summary>
        public string? PassportCode { get; set; }
        public string? PassportDivision { get; set; }
        public string? Snils { get; set; }
        /// <summary>The applicant's INN (ФЛ, ИП) or the organisation's (ЮЛ).</summary>
        public string? Inn { get; set; }
        /// <summary>The applicant's own INN when the request is for a legal entity.</summary>
        public string? PersonInn { get; set; }
        public string? Ogrn { get; set; }
        public string? Ogrnip { get; set; }
        public string? Kpp { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? CompanyPhone { get; set; }
        public int? Region { get; set; }
        public string? City { get; set; }
        public string? Address { get; set; }
        public string? Index { get; set; }
        public int? RegionLaw { get; set; }
        public string? CityLaw { get; set; }
        public string? AddressLaw { get; set; }
        public string? Company { get; set; }
        public string? CompanyFull { get; set; }
        public string? Position { get; set; }
        public string? Department { get; set; }
        public string? HeadLastName { get; set; }
        public string? HeadFirstName { get; set; }
        public string? HeadMiddleName { get; set; }
        public string? HeadPosition { get; set; }
        public string? BasisOfActs { get; set; }
        public string? ManagerComment { get; set; }
        public int? CountryId { get; set; }
        public List<int> Products { get; } = new List<int>();
        public bool OfferJoining { get; set; }
        /// <summary>0 — лично, 1 — по действующей ЭП.</summary>
        public int IdentificationKind { get; set; }
        public bool? ForInfoSys { get; set; }
        public long? IdSmevSnils { get; set; }
        public long? IdSmevInnFl { get; set; }
        public long? IdSmevMvd { get; set; }
        public long? IdSmevEgrip { get; set; }
        public long? IdSmevEgrul { get; set; }

        /// <summary>The applicant's full name as the certificate will carry it.</summary>
        public string FullName => string.Join(" ", new[] { LastName, FirstName, MiddleName }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

        public ValidationResult Validate()
        {
            var r = new ValidationResult();
            void Required(string field, string? value) { if (Rules.IsBlank(value)) r.Add(field, value, "is required"); }
            if (!Enum.IsDefined(typeof(UcApplicantType), Type)) r.Add("Type", ((int)Type).ToString(CultureInfo.InvariantCulture), "must be 1 (ФЛ), 2 (ИП) or 3 (ЮЛ)");
            Required("LastName", LastName);
            Required("FirstName", FirstName);
            if (Rules.IsBlank(Gender)) r.Add("Gender", Gender, "is required (M, F or U)");
            else
            {
                var g = Gender!.Trim().ToUpperInvariant();
                Gender = g == "М" ? "M" : g;
                if (Gender != "M" && Gender != "F" && Gender != "U") r.Add("Gender", g, "must be M, F or U");
            }
            if (Rules.IsBlank(Snils)) r.Add("Snils", Snils, "is required");
            else if (Validation.Snils.Validate(Snils, "Snils") is { } snilsError) r.Add(snilsError);
            else Snils = Validation.Snils.Normalize(Snils);
            r.Add(Passport.ValidateSeries(PassportSerial = PassportSerial?.Replace(" ", string.Empty), "PassportSerial"));
            r.Add(Passport.ValidateNumber(PassportNumber = PassportNumber?.Trim(), "PassportNumber"));
            if (Rules.IsBlank(PassportCode)) r.Add("PassportCode", PassportCode, "is required");
            else r.Add(Passport.ValidateDivisionCode(PassportCode = NormalizeDivisionCode(PassportCode!), "PassportCode"));
            if (!PassportDate.HasValue) r.Add("PassportDate", null, "is required");
            Required("PassportDivision", PassportDivision);
            if (!Rules.IsBlank(Email)) r.Add(Validation.Email.Validate(Email, "Email"));
            if (IdentificationKind != 0 && IdentificationKind != 1) r.Add("IdentificationKind", IdentificationKind.ToString(CultureInfo.InvariantCulture), "must be 0 (лично) or 1 (по действующей ЭП)");
            if (Products.Any(p => p <= 0)) r.Add("Products", string.Join(",", Products), "product ids are positive numbers (see Get-UcProduct)");
            switch (Type)
            {
                case UcApplicantType.Person:
                    CheckInn(r, "Inn", Inn, InnKind.Person, required: true);
                    if (ForInfoSys == true) r.Add("ForInfoSys", "true", "is only for ИП and ЮЛ");
                    break;
                case UcApplicantType.Entrepreneur:
                    CheckInn(r, "Inn", Inn, InnKind.Person, required: true);
                    if (Rules.IsBlank(Ogrnip) && !Rules.IsBlank(Ogrn) && Ogrn!.Trim().Length == 15) Ogrnip = Ogrn.Trim();
                    if (Rules.IsBlank(Ogrnip)) r.Add("Ogrnip", Ogrnip, "is required for an entrepreneur (type 2)");
                    else r.Add(Validation.Ogrnip.Validate(Ogrnip = Ogrnip!.Trim(), "Ogrnip"));
                    break;
                case UcApplicantType.LegalEntity:
                    CheckInn(r, "Inn", Inn, InnKind.LegalEntity, required: true);
                    CheckInn(r, "PersonInn", PersonInn, InnKind.Person, required: false);
                    if (Rules.IsBlank(Ogrn)) r.Add("Ogrn", Ogrn, "is required for a legal entity (type 3)");
                    else r.Add(Validation.Ogrn.Validate(Ogrn = Ogrn!.Trim(), "Ogrn"));
                    if (Rules.IsBlank(Kpp)) r.Add("Kpp", Kpp, "is required for a legal entity (type 3)");
                    else r.Add(Validation.Kpp.Validate(Kpp = Kpp!.Trim(), "Kpp"));
                    Required("Company", Company);
                    Required("CompanyFull", CompanyFull);
                    Required("Position", Position);
                    Required("HeadLastName", HeadLastName);
                    Required("HeadFirstName", HeadFirstName);
                    break;
            }
            CheckSmev(r);
            return r;
        }

        /// <summary>The seed's table of allowed СМЭВ check ids per request type.</summary>
        private void CheckSmev(ValidationResult r)
        {
            if (IdSmevEgrip.HasValue && Type != UcApplicantType.Entrepreneur) r.Add("IdSmevEGRIP", IdSmevEgrip.Value.ToString(CultureInfo.InvariantCulture), "goes only with an entrepreneur (type 2)");
            if (IdSmevEgrul.HasValue && Type != UcApplicantType.LegalEntity) r.Add("IdSmevEGRUL", IdSmevEgrul.Value.ToString(CultureInfo.InvariantCulture), "goes only with a legal entity (type 3)");
        }

        private static void CheckInn(ValidationResult r, string field, string? value, InnKind kind, bool required)
        {
            if (Rules.IsBlank(value)) { if (required) r.Add(field, value, "is required"); return; }
            r.Add(Validation.Inn.Validate(value!.Trim(), field, kind));
        }

        /// <summary>XXXXXX, XXX-XXX and XXX XXX (the spec's three forms) become XXX-XXX; anything else is left for the check to refuse.</summary>
        private static string NormalizeDivisionCode(string code)
        {
            var text = code.Trim();
            var ok = (text.Length == 6 && text.All(c => c >= '0' && c <= '9'))
                || (text.Length == 7 && (text[3] == '-' || text[3] == ' ') && text.Remove(3, 1).All(c => c >= '0' && c <= '9'));
            return ok ? text.Replace(" ", string.Empty).Replace("-", string.Empty).Insert(3, "-") : text;
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject();
            void S(string name, string? value) { if (!Rules.IsBlank(value)) json[name] = value!.Trim(); }
            void D(string name, DateTime? value) { if (value.HasValue) json[name] = value.Value.ToString(DateFormat, CultureInfo.InvariantCulture); }
            void N(string name, long? value) { if (value.HasValue) json[name] = value.Value; }
            S("firstName", FirstName); S("middleName", MiddleName); S("lastName", LastName);
            S("company", Company); S("companyFull", CompanyFull); S("position", Position); S("department", Department);
            S("passportSerial", PassportSerial); S("passportNumber", PassportNumber); D("passportDate", PassportDate);
            S("passportCode", PassportCode); S("passportDivision", PassportDivision); S("gender", Gender); D("birthDate", BirthDate);
            S("inn", Inn); S("personInn", PersonInn); S("ogrn", Ogrn); S("ogrnip", Ogrnip); S("kpp", Kpp); S("snils", Snils);
            S("email", Email); S("phone", Phone); S("companyPhone", CompanyPhone);
            if (Region.HasValue) json["region"] = Region.Value.ToString(CultureInfo.InvariantCulture);
            S("city", City); S("address", Address); S("index", Index);
            N("regionLaw", RegionLaw); S("cityLaw", CityLaw); S("addressLaw", AddressLaw);
            S("headLastName", HeadLastName); S("headFirstName", HeadFirstName); S("headMiddleName", HeadMiddleName); S("headPosition", HeadPosition);
            json["type"] = (int)Type;
            if (Products.Count > 0) json["products"] = new JsonArray(Products.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
            json["offerJoining"] = OfferJoining;
            json["identificationKind"] = IdentificationKind;
            if (ForInfoSys.HasValue) json["forInfoSys"] = ForInfoSys.Value;
            S("basisOfActs", BasisOfActs); S("managerComment", ManagerComment); N("countryId", CountryId);
            N("IdSmevSNILS", IdSmevSnils); N("IdSmevINNFL", IdSmevInnFl); N("IdSmevMvd", IdSmevMvd); N("IdSmevEGRIP", IdSmevEgrip); N("IdSmevEGRUL", IdSmevEgrul);
            return json;
        }

        internal static UcRequestInfo FromJson(JsonElement e)
        {
            var info = new UcRequestInfo
            {
                Type = (UcApplicantType)(e.Int("type") ?? 1),
                LastName = e.Str("lastName"), FirstName = e.Str("firstName"), MiddleName = e.Str("middleName"), Gender = e.Str("gender"),
                BirthDate = Day(e.Str("birthDate")), PassportSerial = e.Str("passportSerial"), PassportNumber = e.Str("passportNumber"),
                PassportDate = Day(e.Str("passportDate")), PassportCode = e.Str("passportCode"), PassportDivision = e.Str("passportDivision"),
                Snils = e.Str("snils"), Inn = e.Str("inn"), PersonInn = e.Str("personInn"), Ogrn = e.Str("ogrn"), Ogrnip = e.Str("ogrnip"), Kpp = e.Str("kpp"),
                Email = e.Str("email"), Phone = e.Str("phone"), CompanyPhone = e.Str("companyPhone"), Region = e.Int("region"), City = e.Str("city"),
                Address = e.Str("address"), Index = e.Str("index"), RegionLaw = e.Int("regionLaw"), CityLaw = e.Str("cityLaw"), AddressLaw = e.Str("addressLaw"),
                Company = e.Str("company"), CompanyFull = e.Str("companyFull"), Position = e.Str("position"), Department = e.Str("department"),
                HeadLastName = e.Str("headLastName"), HeadFirstName = e.Str("headFirstName"), HeadMiddleName = e.Str("headMiddleName"), HeadPosition = e.Str("headPosition"),
                BasisOfActs = e.Str("basisOfActs"), ManagerComment = e.Str("managerComment"), OfferJoining = e.Bool("offerJoining"),
                IdentificationKind = e.Int("identificationKind") ?? 0, ForInfoSys = e.TryGetProperty("forInfoSys", out var f) && f.ValueKind == JsonValueKind.True ? true : (bool?)null,
            };
            info.Products.AddRange(e.Array("products").Where(p => p.ValueKind == JsonValueKind.Number).Select(p => p.GetInt32()));
            return info;
        }

        internal static DateTime? Day(string? text) =>
            DateTime.TryParseExact(text?.Trim(), new[] { DateFormat, "dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateTime?)null;

        public override string ToString() => $"{Type} {FullName}";
    }
}
