using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Http;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>
    /// A token from the user's script block, run on the pipeline thread of whichever cmdlet needs a token
    /// (script blocks cannot run on worker threads). Accepts a string, a SecureString, or an object with
    /// access_token / accessTkn / AccessToken (and optionally expires_in), or a hashtable with those keys.
    /// </summary>
    internal sealed class ScriptBlockTokenSource : ITokenSource
    {
        private readonly ScriptBlock provider;

        public ScriptBlockTokenSource(ScriptBlock provider) { this.provider = provider; }

        public bool CanRefresh => true;

        public Task<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            var thread = PipelineThread.Current;
            return thread == null ? Task.FromResult(Invoke()) : thread.InvokeAsync(Invoke);
        }

        private AccessToken Invoke()
        {
            var output = provider.Invoke().Where(o => o != null).ToList();
            if (output.Count != 1)
                throw new ArgumentException($"TokenProvider: the script block must return exactly one token, it returned {output.Count} objects.");
            return ToToken(output[0]);
        }

        internal static AccessToken ToToken(PSObject value)
        {
            switch (value.BaseObject)
            {
                case string text when !string.IsNullOrWhiteSpace(text): return new AccessToken(text);
                case SecureString secure: return new AccessToken(SecretText.Reveal(secure));
                case System.Collections.IDictionary table: value = new PSObject(ToObject(table)); break;
            }
            // Keep the PSObject: a PSCustomObject's properties (Invoke-RestMethod output) live on the wrapper.
            var wrapped = value;
            var tokenProperty = new[] { "access_token", "accessTkn", "AccessToken", "token" }
                .Select(n => wrapped.Properties[n]).FirstOrDefault(p => p?.Value != null);
            if (tokenProperty == null)
                throw new ArgumentException("TokenProvider: the script block returned neither a token string/SecureString nor an object with access_token, accessTkn or AccessToken.");
            var token = tokenProperty.Value is SecureString s ? SecretText.Reveal(s) : tokenProperty.Value.ToString();
            var expiresIn = wrapped.Properties["expires_in"]?.Value;
            DateTimeOffset? expiresAt = null;
            if (expiresIn != null && double.TryParse(expiresIn.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                expiresAt = DateTimeOffset.UtcNow.AddSeconds(seconds);
            return new AccessToken(token, expiresAt);
        }

        private static PSObject ToObject(System.Collections.IDictionary table)
        {
            var result = new PSObject();
            foreach (System.Collections.DictionaryEntry entry in table) result.Properties.Add(new PSNoteProperty(entry.Key.ToString(), entry.Value));
            return result;
        }
    }
}
