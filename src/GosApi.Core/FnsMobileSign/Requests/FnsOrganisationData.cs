using System.Text.Json.Nodes;
using GosApi.Validation;

namespace GosApi.FnsMobileSign.Requests
{
    /// <summary>entrepreneur block: the client is an individual entrepreneur.</summary>
    public sealed class FnsEntrepreneurData
    {
        public string? Ogrnip { get; set; }

        internal void Check(ValidationResult result, string prefix)
        {
            if (Rules.IsBlank(Ogrnip)) result.Add(prefix + "Ogrnip", Ogrnip, "is required");
            else result.Add(Validation.Ogrnip.Validate(Ogrnip = Ogrnip!.Trim(), prefix + "Ogrnip"));
        }

        internal JsonObject ToJson() => new JsonObject { ["ogrnip"] = Ogrnip };
    }

    /// <summary>
    /// legal_entity block: the client represents a legal entity. For registration every field but the division
    /// is required; for signing only the INN (which of the client's legal-entity signatures to use).
    /// </summary>
    public sealed class FnsLegalEntityData
    {
        public string? Name { get; set; }
        public string? Ogrn { get; set; }
        public string? Inn { get; set; }
        public string? Kpp { get; set; }
        public string? Division { get; set; }
        public string? Position { get; set; }
        public FnsAddress? Address { get; set; }

        internal void Check(ValidationResult result, string prefix, bool full)
        {
            if (Rules.IsBlank(Inn)) result.Add(prefix + "Inn", Inn, "is required");
            else result.Add(Validation.Inn.Validate(Inn = Inn!.Trim(), prefix + "Inn", InnKind.LegalEntity));
            if (full || !Rules.IsBlank(Ogrn))
            {
                if (Rules.IsBlank(Ogrn)) result.Add(prefix + "Ogrn", Ogrn, "is required");
                else result.Add(Validation.Ogrn.Validate(Ogrn = Ogrn!.Trim(), prefix + "Ogrn"));
            }
            if (full || !Rules.IsBlank(Kpp))
            {
                if (Rules.IsBlank(Kpp)) result.Add(prefix + "Kpp", Kpp, "is required");
                else result.Add(Validation.Kpp.Validate(Kpp = Kpp!.Trim(), prefix + "Kpp"));
            }
            if (full && Rules.IsBlank(Name)) result.Add(prefix + "Name", Name, "is required");
            if (full && Rules.IsBlank(Position)) result.Add(prefix + "Position", Position, "is required");
            if (full && Address == null) result.Add(prefix + "Address", null, "is required (the legal address)");
            Address?.Check(result, prefix + "Address.", "legal");
        }

        internal JsonObject ToJson()
        {
            var json = new JsonObject { ["inn"] = Inn };
            if (!Rules.IsBlank(Name)) json["name"] = Name!.Trim();
            if (!Rules.IsBlank(Ogrn)) json["ogrn"] = Ogrn;
            if (!Rules.IsBlank(Kpp)) json["kpp"] = Kpp;
            if (!Rules.IsBlank(Division)) json["division"] = Division!.Trim();
            if (!Rules.IsBlank(Position)) json["position"] = Position!.Trim();
            if (Address != null) json["addresses"] = new JsonArray(Address.ToJson());
            return json;
        }
    }
}
