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

        Task<IReadOnlyList<KeyValuePair<string, string>>> GetHeadersAsync(bool refresh, CancellationToken cancellationToken);
    }

    /// <summary>Gets a fresh bearer token (a script block, the ESIA API-key flow, a vault…).</summary>
    public interface ITokenSource
    {
        bool CanRefresh { get; }
        Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken);
    }
}
