namespace GosApi.Sandbox.ElectronicCertificates.Domain;

/// <summary>Everything one client owns: its tasks in arrival order, its certificates and the request ids it used. Lock <see cref="Gate"/>.</summary>
internal sealed class EcAccount(ElectronicCertificateClient client)
{
    public ElectronicCertificateClient Client { get; } = client;
    public object Gate { get; } = new();
    public List<EcTask> Tasks { get; } = [];
    public Dictionary<string, EcTask> TasksById { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Certificate> Certificates { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RequestIds { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>How many tasks, from the start of <see cref="Tasks"/>, have been executed.</summary>
    public int ExecutedCount { get; set; }
}
