using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using GosApi.Validation;

namespace GosApi.FnsMobileSign.Requests
{
    /// <summary>consumer block of a registration: the person's full data (seed 003, «Регистрация клиента»).</summary>
    public sealed class FnsPersonData
    {
        /// <summary>Three-letter ОКСМ code; only for a foreign citizen.</summary>
        public string? Citizenship { get; set; }
        public string? LastName { get; set; }
        public string? FirstName { get; set; }
        public string? MiddleName { get; set; }
        /// <summary>«М» or «F» as the spec writes them (a Latin M is sent as the Cyrillic М).</summary>
        public string? Gender { get; set; }
        public DateTime? Birthed { get; set; }
        public string? Snils { get; set; }
        /// <summary>The person's 12-digit INN.</summary>
        public string? Inn { get; set; }
        /// <summary>Mobile phone; any Russian spelling is normalised to 7XXXXXXXXXX.</summary>
        public string? Phone { get; set; }
        public FnsAddress Address { get; set; } = new FnsAddress { Type = "permanent" };
        public FnsPassport Passport { get; set; } = new FnsPassport();

        internal void Check(ValidationResult result, string prefix)
        {
            Required(result, prefix + "LastName", LastName);
            Required(result, prefix + "FirstName", FirstName);
            Required(result, prefix + "MiddleName", MiddleName);
            if (Rules.IsBlank(Gender)) result.Add(prefix + "Gender", Gender, "is required (М or F)");
            else
            {
                var g = Gender!.Trim().ToUpperInvariant();
                if (g == "M" || g == "М") Gender = "М";
                else if (g == "F" || g == "Ж") Gender = "F";
                else result.Add(prefix + "Gender", Gender, "must be М (male) or F (female)");
            }
            if (!Birthed.HasValue) result.Add(prefix + "Birthed", null, "is required");
            else if (Birthed.Value.Date >= DateTime.Today) result.Add(prefix + "Birthed", Birthed.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "must be in the past");
            if (Rules.IsBlank(Snils)) result.Add(prefix + "Snils", Snils, "is required");
            else Snils = FnsFields.Snils(result, prefix + "Snils", Snils);
            if (Rules.IsBlank(Inn)) result.Add(prefix + "Inn", Inn, "is required");
            else result.Add(Validation.Inn.Validate(Inn = Inn!.Trim(), prefix + "Inn", InnKind.Person));
            Phone = FnsFields.Phone(result, prefix + "Phone", Phone, required: true);
            if (Citizenship != null && (Citizenship.Trim().Length != 3)) result.Add(prefix + "Citizenship", Citizenship, "must be a three-letter ОКСМ code such as RUS");
            Address.Check(result, prefix + "Address.", "permanent");
            Passport.Check(result, prefix + "Passport.", full: true);
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject();
            if (!Rules.IsBlank(Citizenship)) json["citizenship"] = Citizenship!.Trim().ToUpperInvariant();
            json["last_name"] = LastName!.Trim();
            json["first_name"] = FirstName!.Trim();
            json["middle_name"] = MiddleName!.Trim();
            json["gender"] = Gender;
            json["birthed"] = Birthed!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            json["snils"] = Snils;
            json["inn"] = Inn;
            json["phone"] = Phone;
            json["addresses"] = new JsonArray(Address.ToJson());
            json["identities"] = new JsonArray(Passport.ToJson());
            return json;
        }

        private static void Required(ValidationResult result, string field, string? value)
        {
            if (Rules.IsBlank(value)) result.Add(field, value, "is required");
        }
    }

    /// <summary>An address block: permanent for a person, legal for a legal entity.</summary>
    public sealed class FnsAddress
    {
        public string Type { get; set; } = "permanent";
        public string? Index { get; set; }
        /// <summary>Numeric region code, e.g. 18.</summary>
        public string? Region { get; set; }
        public string? District { get; set; }
        public string? City { get; set; }
        public string? Street { get; set; }
        public string? House { get; set; }
        public string? Housing { get; set; }
        public string? Building { get; set; }
        public string? Apartment { get; set; }

        internal void Check(ValidationResult result, string prefix, string type)
        {
            Type = type;
            if (Rules.IsBlank(Region)) result.Add(prefix + "Region", Region, "is required");
            else if (!FnsFields.IsDigits(Region!.Trim(), 1, 3)) result.Add(prefix + "Region", Region, "must be a numeric region code such as 18");
            if (Rules.IsBlank(City)) result.Add(prefix + "City", City, "is required");
            if (!Rules.IsBlank(Index) && !FnsFields.IsDigits(Index!.Trim(), 6, 6)) result.Add(prefix + "Index", Index, "must be 6 digits");
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject { ["type"] = Type };
            Add(json, "index", Index);
            Add(json, "region", Region);
            Add(json, "district", District);
            Add(json, "city", City);
            Add(json, "street", Street);
            Add(json, "house", House);
            Add(json, "housing", Housing);
            Add(json, "building", Building);
            Add(json, "apartment", Apartment);
            return json;
        }

        private static void Add(JsonObject json, string name, string? value)
        {
            if (!Rules.IsBlank(value)) json[name] = value!.Trim();
        }
    }

    /// <summary>identities: the Russian internal passport.</summary>
    public sealed class FnsPassport
    {
        public string? Series { get; set; }
        public string? Number { get; set; }
        /// <summary>Код подразделения, NNN-NNN.</summary>
        public string? IssueCode { get; set; }
        public string? IssuedBy { get; set; }
        public DateTime? Issued { get; set; }

        public bool IsEmpty => Rules.IsBlank(Series) && Rules.IsBlank(Number) && Rules.IsBlank(IssueCode) && Rules.IsBlank(IssuedBy) && !Issued.HasValue;

        /// <summary><paramref name="full"/>: registration needs every field; a search needs series and number.</summary>
        internal void Check(ValidationResult result, string prefix, bool full)
        {
            result.Add(Passport.ValidateSeries(Series = Series?.Replace(" ", string.Empty), prefix + "Series"));
            result.Add(Passport.ValidateNumber(Number = Number?.Trim(), prefix + "Number"));
            if (full || !Rules.IsBlank(IssueCode))
            {
                var error = Passport.ValidateDivisionCode(IssueCode = IssueCode?.Trim(), prefix + "IssueCode");
                result.Add(error);
                // The service takes the code only as NNN-NNN (the spec's "362-391"); "362391" and "362 391" are accepted and rewritten.
                if (error == null) IssueCode = IssueCode!.Substring(0, 3) + "-" + IssueCode.Substring(IssueCode.Length - 3);
            }
            if (full && Rules.IsBlank(IssuedBy)) result.Add(prefix + "IssuedBy", IssuedBy, "is required");
            if (full && !Issued.HasValue) result.Add(prefix + "Issued", null, "is required");
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject { ["type"] = "internal-passport", ["series"] = Series, ["number"] = Number };
            if (!Rules.IsBlank(IssueCode)) json["issue_code"] = IssueCode;
            if (!Rules.IsBlank(IssuedBy)) json["issued_by"] = IssuedBy!.Trim();
            if (Issued.HasValue) json["issued"] = Issued.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return json;
        }
    }
}
