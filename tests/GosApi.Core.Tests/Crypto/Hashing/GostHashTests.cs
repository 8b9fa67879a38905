using GosApi.Crypto.Hashing;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Hashing;

public sealed class GostHashTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "gosapi-hash-tests-" + Guid.NewGuid().ToString("N"));

    public GostHashTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WriteFile(byte[] content)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(256, 0)]
    [InlineData(512, 0)]
    [InlineData(256, 1)]
    [InlineData(512, 64)]
    // Crosses the 1 MiB read buffer with a partial block left over.
    [InlineData(256, 2 * GostHash.BufferSize + 100)]
    [InlineData(512, GostHash.BufferSize + 63)]
    public void ComputeFile_equals_the_in_memory_digest(int bits, int length)
    {
        var content = RandomBytes(length, length);
        var path = WriteFile(content);
        var expected = Streebog.HashData(content, bits);

        Assert.Equal(expected, GostHash.ComputeFile(path, bits, TestContext.Current.CancellationToken));
        Assert.Equal(expected, GostHash.ComputeFileAsync(path, bits, null, TestContext.Current.CancellationToken).GetAwaiter().GetResult());
        Assert.Equal(expected, GostHash.Compute(content, bits));
        using var stream = new MemoryStream(content);
        Assert.Equal(expected, GostHash.Compute(stream, bits, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Compute_stream_hashes_from_the_current_position_and_leaves_the_stream_open()
    {
        var content = RandomBytes(5000, 1);
        using var stream = new MemoryStream(content);
        stream.Position = 1000;

        var digest = GostHash.Compute(stream, 256);

        Assert.Equal(Streebog.HashData(content.AsSpan(1000), 256), digest);
        Assert.True(stream.CanRead);
        Assert.Equal(5000, stream.Position);
    }

    [Fact]
    public void Progress_reports_growing_totals_ending_with_the_file_size()
    {
        var content = RandomBytes(3 * GostHash.BufferSize + 12345, 2);
        var path = WriteFile(content);
        var reports = new List<long>();

        GostHash.ComputeFile(path, 512, new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(content.Length, reports[^1]);
        Assert.Equal(reports.OrderBy(r => r), reports);
        Assert.True(reports.Count >= 4);
    }

    [Fact]
    public async Task Async_progress_ends_with_the_stream_length()
    {
        var content = RandomBytes(2 * GostHash.BufferSize + 1, 3);
        var reports = new List<long>();
        using var stream = new MemoryStream(content);

        var digest = await GostHash.ComputeAsync(stream, 256, new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(Streebog.HashData(content, 256), digest);
        Assert.Equal(content.Length, reports[^1]);
    }

    [Fact]
    public void Cancellation_stops_hashing()
    {
        var content = RandomBytes(4 * GostHash.BufferSize, 4);
        var path = WriteFile(content);
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cts.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => GostHash.ComputeFile(path, 256, progress, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(
            () => GostHash.ComputeFileAsync(path, 256, progress, cts.Token).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task An_exception_from_progress_propagates_and_later_hashes_are_still_right()
    {
        var content = RandomBytes(3 * GostHash.BufferSize, 5);
        var path = WriteFile(content);
        var progress = new SynchronousProgress(_ => throw new InvalidOperationException("progress failed"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => GostHash.ComputeFileAsync(path, 256, progress, TestContext.Current.CancellationToken));
        Assert.Equal("progress failed", error.Message);

        // The pooled buffers went back only after the pending read finished: hashing again is unaffected.
        Assert.Equal(Streebog.HashData(content, 256), await GostHash.ComputeFileAsync(path, 256, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GostHash.ComputeFile(Path.Combine(directory, "missing"), 128));
        Assert.Throws<FileNotFoundException>(() => GostHash.ComputeFile(Path.Combine(directory, "missing"), 256));
        Assert.Throws<ArgumentNullException>(() => GostHash.Compute((Stream)null!, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => GostHash.Compute(new MemoryStream(), 100));
    }

    [Fact]
    public void Hex_helpers()
    {
        var bytes = new byte[] { 0x00, 0x1f, 0xa0, 0xff };
        Assert.Equal("001fa0ff", GostHash.ToHex(bytes));
        Assert.Equal("ffa01f00", GostHash.ToStandardHex(bytes));
        Assert.Equal(bytes, GostHash.FromHex("001FA0ff"));
        Assert.Equal("", GostHash.ToHex(Array.Empty<byte>()));
        Assert.Throws<FormatException>(() => GostHash.FromHex("abc"));
        Assert.Throws<FormatException>(() => GostHash.FromHex("zz"));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want the reports in order, now.</summary>
    private sealed class SynchronousProgress : IProgress<long>
    {
        private readonly Action<long> report;
        public SynchronousProgress(Action<long> report) => this.report = report;
        public void Report(long value) => report(value);
    }
}
