using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.Http
{
    /// <summary>Supplies the authentication headers of one service; asked again with <c>refresh</c> after a 401.</summary>
    public interface IAuthProvider
    {
        /// <summary>True when asking again can give a different credential (so a 401 is worth one more try).</summary>
        bool CanRefresh { get; }

        /// <summary>
        /// The headers to send. <paramref name="rejected"/> is the <see cref="AuthHeaders.Credential"/> the service just refused
        /// (401): a new credential is fetched unless another request has already replaced it.
        /// </summary>
        Task<AuthHeaders> GetHeadersAsync(object? rejected, CancellationToken cancellationToken);
    }

    /// <summary>Authentication headers and the credential they carry (compared by reference after a 401).</summary>
    public sealed class AuthHeaders
    {
        public AuthHeaders(IReadOnlyList<KeyValuePair<string, string>> headers, object? credential) { Headers = headers; Credential = credential; }
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
        public object? Credential { get; }
    }

    /// <summary>Gets a fresh bearer token (a script block, the ESIA API-key flow, a vault…).</summary>
    public interface ITokenSource
    {
        bool CanRefresh { get; }
        Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken);
    }
}
