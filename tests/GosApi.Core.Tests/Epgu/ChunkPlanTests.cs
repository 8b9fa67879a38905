using GosApi.Epgu.Packages;
using Xunit;

namespace GosApi.Core.Tests.Epgu;

public class ChunkPlanTests
{
    private const long Mb = 1024 * 1024;

    private static void AssertContiguous(ChunkPlan plan)
    {
        long offset = 0;
        for (var i = 0; i < plan.Count; i++)
        {
            Assert.Equal(i, plan.Chunks[i].Index);
            Assert.Equal(offset, plan.Chunks[i].Offset);
            Assert.True(plan.Chunks[i].Length > 0);
            offset += plan.Chunks[i].Length;
        }
        Assert.Equal(plan.TotalBytes, offset);
        Assert.Same(plan.Chunks[0], plan.First);
        Assert.Same(plan.Chunks[plan.Count - 1], plan.Last);
    }

    [Fact]
    public void Exact_multiple_of_the_chunk_size()
    {
        var plan = ChunkPlan.Create(15 * Mb, 1 * Mb, 5 * Mb);

        Assert.Equal(3, plan.Count);
        Assert.Equal(5 * Mb, plan.ChunkSize);
        Assert.Equal(new[] { 0L, 5 * Mb, 10 * Mb }, plan.Chunks.Select(c => c.Offset));
        Assert.All(plan.Chunks, c => Assert.Equal(5 * Mb, c.Length));
        AssertContiguous(plan);
    }

    [Fact]
    public void Remainder_goes_into_a_shorter_last_chunk()
    {
        var plan = ChunkPlan.Create(12 * Mb + 3, 1 * Mb, 5 * Mb);

        Assert.Equal(3, plan.Count);
        Assert.Equal(new[] { 5 * Mb, 5 * Mb, 2 * Mb + 3 }, plan.Chunks.Select(c => c.Length));
        Assert.Equal(10 * Mb, plan.Last.Offset);
        AssertContiguous(plan);
    }

    [Fact]
    public void Last_chunk_may_be_smaller_than_the_minimum()
    {
        var plan = ChunkPlan.Create(2 * 5 * Mb + 10, 1 * Mb, 5 * Mb);

        Assert.Equal(3, plan.Count);
        Assert.Equal(10, plan.Last.Length);
        Assert.All(plan.Chunks.Take(plan.Count - 1), c => Assert.InRange(c.Length, 1 * Mb, 5 * Mb));
        AssertContiguous(plan);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(1000L)]
    [InlineData(5 * Mb)]
    public void Up_to_the_chunk_size_is_one_chunk(long total)
    {
        var plan = ChunkPlan.Create(total, 1 * Mb, 5 * Mb);

        Assert.Equal(1, plan.Count);
        Assert.Same(plan.First, plan.Last);
        Assert.Equal(0, plan.First.Index);
        Assert.Equal(0, plan.First.Offset);
        Assert.Equal(total, plan.First.Length);
    }

    [Fact]
    public void One_byte_over_the_chunk_size_makes_a_one_byte_last_chunk()
    {
        var plan = ChunkPlan.Create(5 * Mb + 1, 1 * Mb, 5 * Mb);

        Assert.Equal(2, plan.Count);
        Assert.Equal(1, plan.Last.Length);
        Assert.Equal(5 * Mb, plan.Last.Offset);
    }

    [Theory]
    [InlineData(1 * Mb)]
    [InlineData(3 * Mb)]
    [InlineData(5 * Mb)]
    public void Explicit_chunk_size_within_the_limits(long size)
    {
        var total = 10 * Mb + 7;
        var plan = ChunkPlan.Create(total, 1 * Mb, 5 * Mb, size);

        Assert.Equal(size, plan.ChunkSize);
        Assert.Equal((int)((total + size - 1) / size), plan.Count);
        Assert.All(plan.Chunks.Take(plan.Count - 1), c => Assert.Equal(size, c.Length));
        AssertContiguous(plan);
    }

    [Theory]
    [InlineData(1 * Mb - 1)]
    [InlineData(5 * Mb + 1)]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Explicit_chunk_size_out_of_range_names_ChunkSize_and_the_bounds(long size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ChunkPlan.Create(20 * Mb, 1 * Mb, 5 * Mb, size));

        Assert.Equal("chunkSize", error.ParamName);
        Assert.Contains($"ChunkSize {size}", error.Message);
        Assert.Contains($"between {1 * Mb} and {5 * Mb} bytes", error.Message);
        Assert.Equal(size, error.ActualValue);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Empty_archive_has_no_plan(long total)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ChunkPlan.Create(total, 1 * Mb, 5 * Mb));

        Assert.Equal("totalBytes", error.ParamName);
        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData(0L, 5L)]
    [InlineData(6L, 5L)]
    public void Inconsistent_limits_are_rejected(long min, long max)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ChunkPlan.Create(100, min, max));
        Assert.Contains($"minimum {min}, maximum {max}", error.Message);
    }

    [Fact]
    public void Archives_beyond_four_gigabytes_are_planned_with_long_offsets()
    {
        var total = 5L * 1024 * Mb + 123;
        var plan = ChunkPlan.Create(total, 5_000_000, 50_000_000);

        Assert.Equal(108, plan.Count);
        Assert.Equal(107L * 50_000_000, plan.Last.Offset);
        Assert.Equal(total - 107L * 50_000_000, plan.Last.Length);
        AssertContiguous(plan);
    }
}
