using System.Text.Encodings.Web;
using System.Text.Json;

namespace GosApi.Sandbox.FnsMobileSign;

internal static class FnsJson
{
    /// <summary>Cyrillic as is, like the spec's examples.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
