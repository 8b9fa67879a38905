using GosApi.IO;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class FileSegmentStreamTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly byte[] content = TempDirectory.Pattern(100_000);
    private readonly string path;

    public FileSegmentStreamTests() { path = temp.Write("archive.zip", content); }

    public void Dispose() => temp.Dispose();

    private static byte[] ReadAll(Stream stream, int bufferSize = 4096)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) copy.Write(buffer, 0, read);
        return copy.ToArray();
    }

    [Theory]
    [InlineData(0, 100_000)]
    [InlineData(0, 1)]
    [InlineData(12_345, 50_000)]
    [InlineData(99_999, 1)]
    [InlineData(100_000, 0)]
    public void Reads_exactly_its_window(int offset, int length)
    {
        using var stream = new FileSegmentStream(path, offset, length);

        var read = ReadAll(stream, bufferSize: 7919);

        Assert.Equal(content.AsSpan(offset, length).ToArray(), read);
        Assert.Equal(length, stream.Length);
        Assert.Equal(length, stream.Position);
        Assert.Equal(0, stream.Read(new byte[10], 0, 10));
    }

    [Fact]
    public async Task Reads_exactly_its_window_asynchronously_and_through_CopyToAsync()
    {
        await using var stream = new FileSegmentStream(path, 1000, 30_000);
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy, 4096, TestContext.Current.CancellationToken);

        Assert.Equal(content.AsSpan(1000, 30_000).ToArray(), copy.ToArray());
    }

    [Fact]
    public void A_large_buffer_never_reads_past_the_window()
    {
        using var stream = new FileSegmentStream(path, 10, 20);
        var buffer = new byte[1000];
        Array.Fill(buffer, (byte)0xEE);

        var total = 0;
        int read;
        while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;

        Assert.Equal(20, total);
        Assert.Equal(content.AsSpan(10, 20).ToArray(), buffer.AsSpan(0, 20).ToArray());
        Assert.All(buffer.Skip(20), b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void Seek_and_Position_are_relative_to_the_window()
    {
        using var stream = new FileSegmentStream(path, 5000, 1000);
        var one = new byte[1];

        Assert.Equal(100, stream.Seek(100, SeekOrigin.Begin));
        stream.Read(one, 0, 1);
        Assert.Equal(content[5100], one[0]);

        Assert.Equal(151, stream.Seek(50, SeekOrigin.Current));
        stream.Read(one, 0, 1);
        Assert.Equal(content[5151], one[0]);

        Assert.Equal(990, stream.Seek(-10, SeekOrigin.End));
        Assert.Equal(content.AsSpan(5990, 10).ToArray(), ReadAll(stream));

        stream.Position = 0;
        Assert.Equal(content.AsSpan(5000, 1000).ToArray(), ReadAll(stream));

        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Position = 1001);
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Seek(-1, SeekOrigin.Begin));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Seek(1, SeekOrigin.End));
        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(1));
    }

    [Fact]
    public void Progress_callback_reports_every_byte_read()
    {
        var reported = new List<long>();
        using var stream = new FileSegmentStream(path, 300, 10_000, n => reported.Add(n));

        ReadAll(stream, bufferSize: 3000);

        Assert.Equal(10_000, reported.Sum());
        Assert.Equal(new long[] { 3000, 3000, 3000, 1000 }, reported);
        Assert.DoesNotContain(0L, reported);

        // reading again after a rewind reports again: a retried upload counts its bytes anew
        stream.Position = 0;
        ReadAll(stream);
        Assert.Equal(20_000, reported.Sum());
    }

    [Fact]
    public async Task Parallel_segments_of_one_file_each_read_their_own_bytes()
    {
        const int parts = 8;
        var size = content.Length / parts;
        var results = new byte[parts][];
        var counted = new long[parts];

        await Task.WhenAll(Enumerable.Range(0, parts).Select(i => Task.Run(async () =>
        {
            var length = i == parts - 1 ? content.Length - i * size : size;
            await using var stream = new FileSegmentStream(path, i * size, length, n => Interlocked.Add(ref counted[i], n));
            using var copy = new MemoryStream();
            var buffer = new byte[997];
            int read;
            while ((read = await stream.ReadAsync(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, read);
                await Task.Yield();
            }
            results[i] = copy.ToArray();
        })));

        Assert.Equal(content, results.SelectMany(r => r).ToArray());
        Assert.Equal(content.Length, counted.Sum());
    }

    [Fact]
    public void The_file_stays_readable_and_deletable_by_others()
    {
        using (var stream = new FileSegmentStream(path, 0, 10))
        using (var other = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            Assert.Equal(content.Length, other.Length);
        }
        File.Delete(path); // no handle left open
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, -1)]
    [InlineData(99_990, 11)]
    [InlineData(100_001, 0)]
    public void A_window_outside_the_file_is_rejected(long offset, long length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FileSegmentStream(path, offset, length));
        File.Delete(path); // the failed constructor left no handle open (matters on Windows)
    }
}
