using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.FnsMobileSign;

/// <summary>The spec's registration example (its СНИЛС and ИНН pass the checksums).</summary>
internal static class FnsBodies
{
    public static JsonObject Registration(string lastName = "Иванов", string phone = "79005863454", string? callback = null)
    {
        var body = new JsonObject
        {
            ["scenario"] = 80,
            ["consumer"] = new JsonObject
            {
                ["last_name"] = lastName, ["first_name"] = "Иван", ["middle_name"] = "Иванович", ["gender"] = "М",
                ["birthed"] = "1993-03-21", ["phone"] = phone, ["snils"] = "12362931139", ["inn"] = "312324014516",
                ["addresses"] = new JsonArray(new JsonObject
                {
                    ["type"] = "permanent", ["region"] = "18", ["index"] = "426054", ["city"] = "Ижевск", ["street"] = "Восстания ул.", ["house"] = "3",
                }),
                ["identities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "internal-passport", ["series"] = "1234", ["number"] = "567890", ["issue_code"] = "362-391",
                    ["issued_by"] = "ОВД", ["issued"] = "2015-03-12",
                }),
            },
        };
        if (callback is not null) body["callback"] = callback;
        return body;
    }
}
