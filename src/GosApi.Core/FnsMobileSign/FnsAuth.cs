using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Diagnostics;
using GosApi.Http;

namespace GosApi.FnsMobileSign
{
    /// <summary>How the session proves who it is (seed 003, «Авторизация»).</summary>
    public enum FnsAuthentication
    {
        /// <summary>POST /api/rb/auth once, then "Authorization: token …"; a 401 logs in again.</summary>
        Token,
        /// <summary>"Authorization: Basic …" with login and password on every request.</summary>
        Basic,
    }

    /// <summary>
    /// Supplies the Authorization header: a token from /api/rb/auth (fetched once, renewed when a request with it
    /// is refused) or basic credentials. Both the password and the token are registered with the scrubber.
    /// </summary>
    internal sealed class FnsAuth : IAuthProvider
    {
        private readonly FnsAuthentication mode;
        private readonly string username;
        private readonly string password;
        private readonly Func<string, string, CancellationToken, Task<string>> login;
        private readonly SemaphoreSlim gate = new SemaphoreSlim(1, 1);
        private AuthHeaders? current;

        public FnsAuth(FnsAuthentication mode, string username, string password, Func<string, string, CancellationToken, Task<string>> login)
        {
            this.mode = mode;
            this.username = username;
            this.password = password;
            this.login = login;
            SecretScrubber.Register(password);
            // The login body carries the password JSON-escaped ("+", "<", Cyrillic… as \uXXXX): an echo of the raw body must be scrubbed too.
            var escaped = System.Text.Json.Nodes.JsonValue.Create(password).ToJsonString();
            SecretScrubber.Register(escaped.Substring(1, escaped.Length - 2));
            if (mode == FnsAuthentication.Basic)
            {
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));
                SecretScrubber.Register(basic);
                current = Headers("Basic " + basic);
            }
        }

        public bool CanRefresh => mode == FnsAuthentication.Token;

        public bool HasToken => mode == FnsAuthentication.Token && current != null;

        public async Task<AuthHeaders> GetHeadersAsync(object? rejected, CancellationToken cancellationToken)
        {
            var known = current;
            if (known != null && (rejected == null || !ReferenceEquals(rejected, known.Credential))) return known;
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (current != null && !ReferenceEquals(current, known)) return current; // another request renewed it
                if (current != null && mode == FnsAuthentication.Basic) return current;
                var token = await login(username, password, cancellationToken).ConfigureAwait(false);
                SecretScrubber.Register(token);
                OperationScope.Verbose("ФНС «Мобильная подпись»: logged in as " + username + (known == null ? "." : " again (the token was refused)."));
                return current = Headers("token " + token);
            }
            finally
            {
                gate.Release();
            }
        }

        private static AuthHeaders Headers(string value)
        {
            var headers = new AuthHeaders(new[] { new KeyValuePair<string, string>("Authorization", value) }, null);
            return new AuthHeaders(headers.Headers, headers); // the credential compared after a 401 is the headers object itself
        }
    }
}
