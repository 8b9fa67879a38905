namespace GosApi.Sandbox.ElectronicCertificates.Schema;

/// <summary>The first place where a document breaks its schema: "[3].assignment.organization.INN: must be 10 characters, got 9".</summary>
internal sealed class SchemaViolation(string path, string problem) : Exception((path.Length == 0 ? "$" : path) + ": " + problem)
{
    public string Path { get; } = path;

    public static string Member(string path, string name) => path.Length == 0 ? name : path + "." + name;
    public static string Item(string path, int index) => $"{path}[{index}]";
}
