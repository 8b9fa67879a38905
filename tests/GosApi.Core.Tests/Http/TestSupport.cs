using System.Collections.Concurrent;
using GosApi.Diagnostics;
using GosApi.Epgu;
using GosApi.Http;

namespace GosApi.Core.Tests.Http;

/// <summary>Collects what an operation reports through <see cref="OperationScope"/>.</summary>
internal sealed class RecordingReporter : IOperationReporter
{
    private readonly ConcurrentQueue<(string Stream, string Message)> messages = new();

    public void Debug(string message) => messages.Enqueue(("debug", message));
    public void Verbose(string message) => messages.Enqueue(("verbose", message));
    public void Warning(string message) => messages.Enqueue(("warning", message));

    public IReadOnlyList<string> All => messages.Select(m => m.Message).ToList();
    public IReadOnlyList<string> Of(string stream) => messages.Where(m => m.Stream == stream).Select(m => m.Message).ToList();
}

internal static class Pipelines
{
    /// <summary>Fast retries (10 ms base) so that a test measures the pipeline, not the backoff.</summary>
    public static HttpPipelineOptions FastOptions(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(10),
        RequestsPerMinute = 6000, // a burst of 500: no test here waits for a permit
    };

    public static ApiPipeline For(LoopbackServer server, HttpPipelineOptions? options = null, IAuthProvider? auth = null) =>
        new(GosApiService.Epgu, server.BaseUri, options ?? FastOptions(), auth, new EpguErrorTranslator());
}

internal static class Secrets
{
    /// <summary>
    /// A unique secret-looking value. The scrubber is process-wide, so tests only ever register values
    /// that cannot occur in any other test's text.
    /// </summary>
    public static string New(string prefix = "tok") => prefix + "-" + Guid.NewGuid().ToString("N");
}
