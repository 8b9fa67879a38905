using System.Text.Json;

namespace GosApi.Sandbox.ElectronicCertificates.Json;

/// <summary>Reads a schema-checked integer that may be written 10, 10.0 or 1e1.</summary>
internal static class JsonInteger
{
    public static long ReadInteger(this JsonElement element) => (long)element.GetDecimal();
}
