using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.Http
{
    /// <summary>
    /// "Authorization: Bearer …" from a token source; caches the token until shortly before it expires,
    /// and fetches a new one on refresh (401) when the source can.
    /// </summary>
    public sealed class BearerTokenAuth : IAuthProvider
    {
        private static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(30);
        private readonly ITokenSource source;
        private readonly SemaphoreSlim gate = new SemaphoreSlim(1, 1);
        private AccessToken? current;

        public BearerTokenAuth(ITokenSource source) { this.source = source ?? throw new ArgumentNullException(nameof(source)); }

        public bool CanRefresh => source.CanRefresh;

        public AccessToken? CurrentToken => current;

        /// <summary>The current token; a new one when it expires soon or when <paramref name="rejected"/> is still the current one.</summary>
        public async Task<AccessToken> GetTokenAsync(AccessToken? rejected, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var token = current;
                // Parallel requests refused with the same token renew it once: the later ones find it replaced.
                var refresh = rejected != null && ReferenceEquals(rejected, token);
                var stale = token == null || (source.CanRefresh && (refresh || token.IsExpiredAt(DateTimeOffset.UtcNow, ExpirySkew)));
                if (stale)
                {
                    if (token != null) Diagnostics.OperationScope.Debug(refresh ? "Access token rejected; requesting a new one." : "Access token expires soon; requesting a new one.");
                    token = await source.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                    current = token;
                }
                return token!;
            }
            finally
            {
                gate.Release();
            }
        }

        public async Task<AuthHeaders> GetHeadersAsync(object? rejected, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(rejected as AccessToken, cancellationToken).ConfigureAwait(false);
            return new AuthHeaders(new[] { new KeyValuePair<string, string>("Authorization", "Bearer " + token.Value) }, token);
        }
    }

    /// <summary>A token given once by the user; it cannot be renewed.</summary>
    public sealed class StaticTokenSource : ITokenSource
    {
        private readonly AccessToken token;
        public StaticTokenSource(AccessToken token) { this.token = token ?? throw new ArgumentNullException(nameof(token)); }
        public bool CanRefresh => false;
        public Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }

    /// <summary>A token from a delegate (the cmdlet layer wraps a script block in one).</summary>
    public sealed class DelegateTokenSource : ITokenSource
    {
        private readonly Func<CancellationToken, Task<AccessToken>> fetch;
        public DelegateTokenSource(Func<CancellationToken, Task<AccessToken>> fetch) { this.fetch = fetch ?? throw new ArgumentNullException(nameof(fetch)); }
        public bool CanRefresh => true;
        public Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => fetch(cancellationToken);
    }
}
