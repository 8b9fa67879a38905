namespace GosApi.Sandbox.Infrastructure;

/// <summary>Thread-safe log of the requests the sandbox saw.</summary>
internal sealed class RequestRecorder
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = new();

    public void Add(RecordedRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate) return _requests.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _requests.Clear();
    }
}
