using System;
using System.Management.Automation;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Applies -Skip/-First to a stream of items fetched page by page; tells the fetcher when to stop.</summary>
    internal sealed class PagingWriter
    {
        private readonly PagingParameters paging;
        private readonly Action<object> write;
        private ulong written;

        public PagingWriter(PagingParameters paging, Action<object> write)
        {
            this.paging = paging;
            this.write = write;
        }

        public long Seen { get; private set; }

        /// <summary>Offers the next item; returns false once -First items were written and fetching can stop.</summary>
        public bool Offer(object item, Action<Action> post)
        {
            Seen++;
            if ((ulong)Seen <= paging.Skip) return true;
            if (written >= paging.First) return paging.IncludeTotalCount;
            written++;
            post(() => write(item));
            return written < paging.First || paging.IncludeTotalCount;
        }
    }
}
