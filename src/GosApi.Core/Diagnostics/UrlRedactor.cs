using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace GosApi.Diagnostics
{
    /// <summary>Removes secrets from URLs before they reach traces, errors or logs.</summary>
    public static class UrlRedactor
    {
        private static readonly string[] SecretQueryNames =
        {
            "signature", "apikey", "api_key", "key", "token", "access_token", "tkn", "client_secret", "secret", "password", "pass", "login",
        };

        // ESIA's API-key token route carries the key in the path: /orgs/ext-app/{apiKey}/tkn
        private static readonly Regex SecretPathSegment = new Regex("(/ext-app/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex QueryPair = new Regex("([?&])([^=&#]+)=([^&#]*)", RegexOptions.CultureInvariant);

        public static string Redact(string? url)
        {
            if (string.IsNullOrEmpty(url)) return string.Empty;
            var result = SecretPathSegment.Replace(url!, "$1" + SecretScrubber.Mask);
            result = QueryPair.Replace(result, m =>
                SecretQueryNames.Contains(Uri.UnescapeDataString(m.Groups[2].Value), StringComparer.OrdinalIgnoreCase)
                    ? m.Groups[1].Value + m.Groups[2].Value + "=" + SecretScrubber.Mask
                    : m.Value);
            return SecretScrubber.Scrub(result);
        }

        public static string Redact(Uri? url) => url == null ? string.Empty : Redact(url.AbsoluteUri);
    }
}
