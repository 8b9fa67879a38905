using System.Text.Json.Nodes;

namespace GosApi.Sandbox.FnsMobileSign.Domain;

/// <summary>A personal account of an identification agent (staff/agent); it may call the API with its own token.</summary>
internal sealed class FnsAgent(long id)
{
    public long Id { get; } = id;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string MiddleName { get; set; } = "";
    public string? Email { get; set; }
    public string Phone { get; set; } = "";
    public string UnstructuredIdentity { get; set; } = "";
    public string Snils { get; set; } = "";
    public string Position { get; set; } = "";
    public long Company { get; set; }
    public List<string> Permissions { get; set; } = new();
    public List<long> IdentificationPoints { get; set; } = new();
    public bool IsActive { get; set; } = true;
    public string Token { get; set; } = "";

    public JsonObject View() => new()
    {
        ["id"] = Id,
        ["username"] = Username,
        ["last_name"] = LastName,
        ["first_name"] = FirstName,
        ["middle_name"] = MiddleName,
        ["email"] = Email,
        ["snils"] = Snils,
        ["position"] = Position,
        ["identification_points"] = new JsonArray(IdentificationPoints.Order().Select(p => (JsonNode)p).ToArray()),
        ["unstructured_identity"] = UnstructuredIdentity,
        ["token"] = Token,
        ["phone"] = Phone,
        ["company"] = Company,
        ["permissions"] = new JsonArray(Permissions.Select(p => (JsonNode)p).ToArray()),
        ["is_active"] = IsActive,
    };

    public JsonObject ListView() => new()
    {
        ["id"] = Id,
        ["username"] = Username,
        ["last_name"] = LastName,
        ["first_name"] = FirstName,
        ["middle_name"] = MiddleName,
        ["is_active"] = IsActive,
        ["company"] = new JsonObject { ["id"] = Company, ["name"] = "Заказчик" },
        ["identification_points"] = new JsonArray(IdentificationPoints.Order().Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p,
            ["name"] = $"Пункт идентификации {p}",
            ["address"] = "Москва, Старый Петровско-Разумовский проезд д.23",
        }).ToArray()),
    };
}
