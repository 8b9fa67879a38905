using System.Threading;

namespace GosApi.Http
{
    /// <summary>Counters of one session's HTTP traffic.</summary>
    public sealed class PipelineStatistics
    {
        private long requests;
        private long retries;
        private long throttled;
        private long failures;

        public long Requests => Interlocked.Read(ref requests);
        public long Retries => Interlocked.Read(ref retries);
        /// <summary>Answers with HTTP 429.</summary>
        public long Throttled => Interlocked.Read(ref throttled);
        public long Failures => Interlocked.Read(ref failures);

        internal void CountRequest() => Interlocked.Increment(ref requests);
        internal void CountRetry() => Interlocked.Increment(ref retries);
        internal void CountThrottled() => Interlocked.Increment(ref throttled);
        internal void CountFailure() => Interlocked.Increment(ref failures);

        public override string ToString() => $"{Requests} requests, {Retries} retries, {Throttled} throttled, {Failures} failed";
    }
}
