namespace GosApi.Http
{
    /// <summary>What the pipeline must know about a request besides its content.</summary>
    public sealed class RequestTraits
    {
        /// <summary>Short name for traces and errors, e.g. "create order".</summary>
        public string Operation { get; set; } = "request";
        /// <summary>
        /// Repeating the request cannot create anything twice, so 502/503/504 and connection resets
        /// may be retried. A 429 is always retried: the server did not process the request.
        /// </summary>
        public bool SafeToRetry { get; set; }
        public bool Authenticated { get; set; } = true;
        /// <summary>Id of something created earlier in the same operation, named by any error.</summary>
        public string? EntityId { get; set; }
        /// <summary>Reads the id a successful answer created (e.g. an orderId), so the request log names it.</summary>
        public System.Func<string?, string?>? EntityIdFromResponse { get; set; }
    }
}
