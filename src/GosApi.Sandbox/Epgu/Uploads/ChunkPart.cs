using System.Globalization;

namespace GosApi.Sandbox.Epgu.Uploads;

/// <summary>chunk = i of chunks = n (001 Table 10: i in 0…n-1; both may be omitted when the archive is one chunk).</summary>
internal sealed record ChunkPart(int Index, int Count)
{
    public const int MaxChunks = 100_000;

    public bool IsFirst => Index == 0;
    public bool IsLast => Index == Count - 1;

    public static ChunkPart Parse(string? chunk, string? chunks)
    {
        if (chunk is null && chunks is null) return new ChunkPart(0, 1);
        if (chunk is null) throw EpguErrors.BadRequest($"chunk: required when chunks ({chunks}) is given");
        if (chunks is null) throw EpguErrors.BadRequest($"chunks: required when chunk ({chunk}) is given");
        var count = ParseInt(chunks, "chunks");
        var index = ParseInt(chunk, "chunk");
        if (count < 1 || count > MaxChunks) throw EpguErrors.BadRequest($"chunks: {count} is outside 1…{MaxChunks}");
        if (index < 0 || index >= count) throw EpguErrors.BadRequest($"chunk: {index} is outside 0…{count - 1} (chunks = {count})");
        return new ChunkPart(index, count);
    }

    private static int ParseInt(string text, string field) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw EpguErrors.BadRequest($"{field}: '{text}' is not a non-negative integer");
}
