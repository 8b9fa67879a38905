using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using GosApi.Validation;

namespace GosApi.FnsMobileSign.Requests
{
    /// <summary>POST /api/rb/consumer/search: find a client by name and phone, narrowed by any other data.</summary>
    public sealed class FnsConsumerQuery
    {
        public string? LastName { get; set; }
        public string? FirstName { get; set; }
        /// <summary>Required unless the passport has none (<see cref="NoMiddleName"/>).</summary>
        public string? MiddleName { get; set; }
        public bool NoMiddleName { get; set; }
        public DateTime? Birthed { get; set; }
        public string? Snils { get; set; }
        public string? Inn { get; set; }
        public string? Phone { get; set; }
        public FnsPassport? Passport { get; set; }

        public ValidationResult Validate()
        {
            var result = new ValidationResult();
            if (Rules.IsBlank(LastName)) result.Add("LastName", LastName, "is required");
            if (Rules.IsBlank(FirstName)) result.Add("FirstName", FirstName, "is required");
            if (Rules.IsBlank(MiddleName) && !NoMiddleName) result.Add("MiddleName", MiddleName, "is required (use -NoMiddleName when the passport has none)");
            Phone = FnsFields.Phone(result, "Phone", Phone, required: true);
            if (!Rules.IsBlank(Snils)) Snils = FnsFields.Snils(result, "Snils", Snils);
            if (!Rules.IsBlank(Inn)) result.Add(Validation.Inn.Validate(Inn = Inn!.Trim(), "Inn", InnKind.Person));
            if (Passport != null && !Passport.IsEmpty) Passport.Check(result, "Passport.", full: false);
            return result;
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject { ["last_name"] = LastName!.Trim(), ["first_name"] = FirstName!.Trim() };
            if (!Rules.IsBlank(MiddleName)) json["middle_name"] = MiddleName!.Trim();
            if (Birthed.HasValue) json["birthed"] = Birthed.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!Rules.IsBlank(Snils)) json["snils"] = Snils;
            if (!Rules.IsBlank(Inn)) json["inn"] = Inn;
            json["phone"] = Phone;
            if (Passport != null && !Passport.IsEmpty) json["identities"] = new JsonArray(Passport.ToJson());
            return json;
        }
    }

    /// <summary>POST /api/rb/workflow/identification/search/: the phone and the SNILS or the passport.</summary>
    public sealed class FnsIdentificationQuery
    {
        public string? Phone { get; set; }
        public string? Snils { get; set; }
        public FnsPassport? Passport { get; set; }

        public ValidationResult Validate()
        {
            var result = new ValidationResult();
            Phone = FnsFields.Phone(result, "Phone", Phone, required: true);
            var hasPassport = Passport != null && !Passport.IsEmpty;
            if (Rules.IsBlank(Snils) && !hasPassport) result.Add("Snils", null, "give the SNILS or the passport series and number");
            if (!Rules.IsBlank(Snils)) Snils = FnsFields.Snils(result, "Snils", Snils);
            if (hasPassport) Passport!.Check(result, "Passport.", full: false);
            return result;
        }

        internal JsonObject ToJson()
        {
            var consumer = new JsonObject { ["phone"] = Phone };
            if (!Rules.IsBlank(Snils)) consumer["snils"] = Snils;
            if (Passport != null && !Passport.IsEmpty) consumer["identities"] = new JsonArray(Passport.ToJson());
            return new JsonObject { ["consumer"] = consumer };
        }
    }

    /// <summary>An agent account to create (every field) or change (only what is set).</summary>
    public sealed class FnsAgentData
    {
        public static readonly IReadOnlyList<string> KnownPermissions = new[] { "create_new_agent", "consumer_identify" };

        public string? Username { get; set; }
        /// <summary>Sent once; never kept or shown.</summary>
        public string? Password { get; set; }
        public string? LastName { get; set; }
        public string? FirstName { get; set; }
        public string? MiddleName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        /// <summary>Passport data as free text.</summary>
        public string? UnstructuredIdentity { get; set; }
        public string? Snils { get; set; }
        public string? Position { get; set; }
        public long? Company { get; set; }
        public IList<string> Permissions { get; } = new List<string>();
        public IList<long> IdentificationPoints { get; } = new List<long>();
        public bool? IsActive { get; set; }

        /// <summary><paramref name="creating"/>: every required field of POST staff/agent must be there.</summary>
        public ValidationResult Validate(bool creating)
        {
            var result = new ValidationResult();
            void Required(string field, string? value) { if (creating && Rules.IsBlank(value)) result.Add(field, value, "is required"); }
            Required("Username", Username);
            if (creating && Rules.IsBlank(Password)) result.Add("Password", null, "is required");
            Required("LastName", LastName);
            Required("FirstName", FirstName);
            Required("MiddleName", MiddleName);
            Required("UnstructuredIdentity", UnstructuredIdentity);
            Required("Position", Position);
            if (creating && Rules.IsBlank(Snils)) result.Add("Snils", Snils, "is required");
            else if (!Rules.IsBlank(Snils)) Snils = FnsFields.Snils(result, "Snils", Snils);
            Phone = FnsFields.Phone(result, "Phone", Phone, required: creating);
            if (!Rules.IsBlank(Email)) result.Add(Validation.Email.Validate(Email, "Email"));
            if (creating && !Company.HasValue) result.Add("Company", null, "is required (the company's id)");
            if (creating && Permissions.Count == 0) result.Add("Permissions", null, "give at least one of " + string.Join(", ", KnownPermissions));
            foreach (var p in Permissions.Where(p => !KnownPermissions.Contains(p))) result.Add("Permissions", p, "must be one of " + string.Join(", ", KnownPermissions));
            if (creating && IdentificationPoints.Count == 0) result.Add("IdentificationPoints", null, "give at least one identification point id");
            return result;
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject();
            void Add(string name, string? value) { if (!Rules.IsBlank(value)) json[name] = value!.Trim(); }
            Add("username", Username);
            if (!string.IsNullOrEmpty(Password)) json["password"] = Password;
            Add("last_name", LastName);
            Add("first_name", FirstName);
            Add("middle_name", MiddleName);
            Add("email", Email);
            Add("phone", Phone);
            Add("unstructured_identity", UnstructuredIdentity);
            Add("snils", Snils);
            Add("position", Position);
            if (Company.HasValue) json["company"] = Company.Value;
            if (Permissions.Count > 0) json["permissions"] = new JsonArray(Permissions.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
            if (IdentificationPoints.Count > 0) json["identification_points"] = new JsonArray(IdentificationPoints.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
            if (IsActive.HasValue) json["is_active"] = IsActive.Value;
            return json;
        }
    }
}
