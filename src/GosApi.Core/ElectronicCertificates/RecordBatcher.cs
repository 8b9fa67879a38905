using System;
using System.Collections.Generic;
using GosApi.ElectronicCertificates.Models;

namespace GosApi.ElectronicCertificates
{
    /// <summary>A record with the recordId it is sent under and its 1-based position in the caller's input.</summary>
    public sealed class BatchItem
    {
        internal BatchItem(ElectronicCertificateRecord record, int recordId, long inputIndex) { Record = record; RecordId = recordId; InputIndex = inputIndex; }
        public ElectronicCertificateRecord Record { get; }
        public int RecordId { get; }
        public long InputIndex { get; }
    }

    /// <summary>The records of one request: at most 100, recordIds unique.</summary>
    public sealed class RecordBatch
    {
        internal RecordBatch(int number, ElectronicCertificateOperation operation, IReadOnlyList<BatchItem> items) { Number = number; Operation = operation; Items = items; }
        /// <summary>1-based number of the request within one command.</summary>
        public int Number { get; }
        public ElectronicCertificateOperation Operation { get; }
        public IReadOnlyList<BatchItem> Items { get; }
        public long FirstInput => Items[0].InputIndex;
        public long LastInput => Items[Items.Count - 1].InputIndex;
        public override string ToString() => $"request {Number} (input records {FirstInput}–{LastInput}, {Items.Count} records)";
    }

    /// <summary>
    /// Cuts a stream of records into requests of at most 100 (seed 002: minItems 1, maxItems 100). A record's own
    /// recordId is kept; a record without one gets the lowest id still free in its request; a record whose id is
    /// taken starts the next request.
    /// </summary>
    public sealed class RecordBatcher
    {
        private readonly int capacity;
        private readonly List<BatchItem> items = new List<BatchItem>();
        private readonly bool[] used;
        private ElectronicCertificateOperation? operation;
        private int number;

        public RecordBatcher(int capacity = ElectronicCertificateRecord.MaxRecordsPerRequest)
        {
            if (capacity < 1 || capacity > ElectronicCertificateRecord.MaxRecordsPerRequest) throw new ArgumentOutOfRangeException(nameof(capacity));
            this.capacity = capacity;
            used = new bool[ElectronicCertificateRecord.MaxRecordsPerRequest + 1];
        }

        /// <summary>Adds a validated record; returns the request that had to be closed to make room for it, if any.</summary>
        public RecordBatch? Add(ElectronicCertificateRecord record, long inputIndex)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (record.RecordId.HasValue && (record.RecordId.Value < 1 || record.RecordId.Value > ElectronicCertificateRecord.MaxRecordsPerRequest))
                throw new ArgumentOutOfRangeException(nameof(record), record.RecordId.Value, "RecordId must be between 1 and " + ElectronicCertificateRecord.MaxRecordsPerRequest + "; validate the record first.");
            RecordBatch? completed = null;
            if (items.Count == capacity || (operation.HasValue && operation.Value != record.Operation) || (record.RecordId.HasValue && used[record.RecordId.Value]))
                completed = Flush();
            operation = record.Operation;
            var id = record.RecordId ?? LowestFree();
            used[id] = true;
            items.Add(new BatchItem(record, id, inputIndex));
            return completed;
        }

        /// <summary>The records not yet handed out, as one last request; null when there are none.</summary>
        public RecordBatch? Flush()
        {
            if (items.Count == 0) return null;
            var batch = new RecordBatch(++number, operation!.Value, items.ToArray());
            items.Clear();
            Array.Clear(used, 0, used.Length);
            return batch;
        }

        private int LowestFree()
        {
            for (var id = 1; id < used.Length; id++)
                if (!used[id]) return id;
            throw new InvalidOperationException("No free recordId in a full request.");
        }
    }
}
