using GosApi.ElectronicCertificates;
using GosApi.ElectronicCertificates.Models;
using Xunit;
using static GosApi.Core.Tests.ElectronicCertificates.EcTestData;

namespace GosApi.Core.Tests.ElectronicCertificates;

/// <summary>Requests of at most 100 records with unique recordIds (seed 002: minItems 1, maxItems 100).</summary>
public class RecordBatcherTests
{
    private static ElectronicCertificateBlocking Block(int? id = null) { var r = Blocking(); r.RecordId = id; return r; }

    private static List<RecordBatch> Run(RecordBatcher batcher, IEnumerable<ElectronicCertificateRecord> records)
    {
        var batches = new List<RecordBatch>();
        long index = 0;
        foreach (var record in records)
        {
            var done = batcher.Add(record, ++index);
            if (done != null) batches.Add(done);
        }
        var last = batcher.Flush();
        if (last != null) batches.Add(last);
        return batches;
    }

    [Fact]
    public void Records_are_cut_into_requests_of_100_numbered_1_to_100()
    {
        var batches = Run(new RecordBatcher(), Enumerable.Range(0, 250).Select(_ => Block()));

        Assert.Equal(new[] { 100, 100, 50 }, batches.Select(b => b.Items.Count));
        Assert.Equal(new[] { 1, 2, 3 }, batches.Select(b => b.Number));
        Assert.Equal(Enumerable.Range(1, 100), batches[0].Items.Select(i => i.RecordId));
        Assert.Equal(Enumerable.Range(1, 100), batches[1].Items.Select(i => i.RecordId));
        Assert.Equal(Enumerable.Range(1, 50), batches[2].Items.Select(i => i.RecordId));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), batches.SelectMany(b => b.Items).Select(i => i.InputIndex));
        Assert.Equal((101L, 200L), (batches[1].FirstInput, batches[1].LastInput));
        Assert.All(batches, b => Assert.Equal(ElectronicCertificateOperation.Block, b.Operation));
    }

    [Fact]
    public void Exactly_100_records_make_one_request()
    {
        var batcher = new RecordBatcher();
        for (var i = 1; i <= 100; i++) Assert.Null(batcher.Add(Block(), i));
        var batch = batcher.Flush();
        Assert.NotNull(batch);
        Assert.Equal(100, batch!.Items.Count);
        Assert.Null(batcher.Flush());
    }

    [Fact]
    public void Own_record_ids_are_kept_auto_ids_take_the_lowest_free_and_a_taken_id_starts_a_new_request()
    {
        var records = new[] { Block(3), Block(), Block(5), Block(), Block(), Block(2), Block(100), Block() };
        var batches = Run(new RecordBatcher(), records);

        Assert.Equal(2, batches.Count);
        // 3 kept, auto → 1, 5 kept, auto → 2, auto → 4; own 2 is taken → the next request.
        Assert.Equal(new[] { 3, 1, 5, 2, 4 }, batches[0].Items.Select(i => i.RecordId));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, batches[0].Items.Select(i => i.InputIndex));
        // A new request frees every id: 2 and 100 kept, auto → 1.
        Assert.Equal(new[] { 2, 100, 1 }, batches[1].Items.Select(i => i.RecordId));
        Assert.Equal(new long[] { 6, 7, 8 }, batches[1].Items.Select(i => i.InputIndex));
        Assert.All(batches, b => Assert.Equal(b.Items.Count, b.Items.Select(i => i.RecordId).Distinct().Count()));
    }

    [Fact]
    public void An_own_id_equal_to_an_earlier_auto_id_starts_a_new_request()
    {
        var batches = Run(new RecordBatcher(), new[] { Block(), Block(), Block(2) });
        Assert.Equal(new[] { 1, 2 }, batches[0].Items.Select(i => i.RecordId));
        Assert.Equal(2, Assert.Single(batches[1].Items).RecordId);
    }

    [Fact]
    public void Records_are_the_same_objects_in_the_request()
    {
        var first = Block();
        var batch = Run(new RecordBatcher(), new[] { first })[0];
        Assert.Same(first, batch.Items[0].Record);
    }

    [Fact]
    public void Mixing_operations_starts_a_new_request()
    {
        var records = new ElectronicCertificateRecord[] { Block(), Block(), Change(), Assignment(), Assignment(), Block() };
        var batches = Run(new RecordBatcher(), records);

        Assert.Equal(new[] { ElectronicCertificateOperation.Block, ElectronicCertificateOperation.Edit, ElectronicCertificateOperation.Create, ElectronicCertificateOperation.Block },
            batches.Select(b => b.Operation));
        Assert.Equal(new[] { 2, 1, 2, 1 }, batches.Select(b => b.Items.Count));
        Assert.All(batches, b => Assert.Equal(1, b.Items[0].RecordId));
        Assert.Equal(new[] { 1, 2, 3, 4 }, batches.Select(b => b.Number));
        Assert.Equal(new long[] { 1, 3, 4, 6 }, batches.Select(b => b.FirstInput));
    }

    [Fact]
    public void Capacity_one_sends_each_record_alone()
    {
        var batches = Run(new RecordBatcher(1), new[] { Block(), Block(7), Block() });
        Assert.Equal(3, batches.Count);
        Assert.Equal(new[] { 1, 7, 1 }, batches.Select(b => Assert.Single(b.Items).RecordId));
        Assert.Equal(new long[] { 1, 2, 3 }, batches.Select(b => b.Items[0].InputIndex));
    }

    [Fact]
    public void Add_returns_the_full_request_when_the_next_record_does_not_fit()
    {
        var batcher = new RecordBatcher(2);
        Assert.Null(batcher.Add(Block(), 10));
        Assert.Null(batcher.Add(Block(), 11));
        var full = batcher.Add(Block(), 12);
        Assert.NotNull(full);
        Assert.Equal(new long[] { 10, 11 }, full!.Items.Select(i => i.InputIndex));
        var rest = batcher.Flush();
        Assert.Equal(12, Assert.Single(rest!.Items).InputIndex);
        Assert.Equal(1, rest.Items[0].RecordId);
        Assert.Equal(2, rest.Number);
    }

    [Fact]
    public void Flush_of_nothing_is_null()
    {
        var batcher = new RecordBatcher();
        Assert.Null(batcher.Flush());
        batcher.Add(Block(), 1);
        Assert.NotNull(batcher.Flush());
        Assert.Null(batcher.Flush());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Capacity_is_1_to_100(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordBatcher(capacity));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_record_id_out_of_range_is_refused_plainly(int id) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordBatcher().Add(Block(id), 1));
}
