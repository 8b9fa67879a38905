using System;
using System.Globalization;
using System.Linq;
using RestSharp;

namespace GosApi.Http
{
    /// <summary>Reads a Retry-After header (delta seconds or an HTTP date).</summary>
    internal static class RetryAfter
    {
        public static TimeSpan? From(RestResponse response, DateTimeOffset now)
        {
            var value = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
            return Parse(value, now);
        }

        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (int.TryParse(value!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var delay = date - now;
                return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
            }
            return null;
        }
    }
}
