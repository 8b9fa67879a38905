using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using GosApi.Crypto.Pki;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// Whether a server certificate names the host the client connected to (RFC 6125): subjectAltName dNSName (a
    /// wildcard only as the whole left-most label) or iPAddress; the subject's CN only when the certificate has no
    /// DNS or IP names at all.
    /// </summary>
    internal static class GostTlsHostName
    {
        /// <summary>The DNS names and IP addresses the certificate is for (CN only without subjectAltName names).</summary>
        internal static IReadOnlyList<string> NamesOf(GostCertificate certificate)
        {
            var names = new List<string>();
            var san = certificate.Structure.TbsCertificate.Extensions?.GetExtension(X509Extensions.SubjectAlternativeName);
            if (san != null)
            {
                foreach (var name in GeneralNames.GetInstance(san.GetParsedValue()).GetNames())
                {
                    if (name.TagNo == GeneralName.DnsName) names.Add(DerIA5String.GetInstance(name.Name).GetString());
                    else if (name.TagNo == GeneralName.IPAddress) names.Add(new IPAddress(Asn1OctetString.GetInstance(name.Name).GetOctets()).ToString());
                }
            }
            if (names.Count == 0 && certificate.SubjectFields.TryGetValue("CN", out var cn) && !string.IsNullOrWhiteSpace(cn)) names.Add(cn.Trim());
            return names;
        }

        internal static bool Matches(GostCertificate certificate, string host)
        {
            if (string.IsNullOrEmpty(host)) return false;
            host = host.Trim('[', ']').TrimEnd('.');
            var isAddress = IPAddress.TryParse(host, out var address);
            foreach (var name in NamesOf(certificate))
            {
                if (isAddress)
                {
                    if (IPAddress.TryParse(name.Trim('[', ']'), out var named) && named.Equals(address)) return true;
                }
                else if (DnsMatches(name, host))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool DnsMatches(string pattern, string host)
        {
            pattern = ToAscii(pattern.TrimEnd('.'));
            host = ToAscii(host);
            if (pattern.Length == 0) return false;
            if (!pattern.StartsWith("*.", StringComparison.Ordinal)) return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
            // "*.example.ru" matches exactly one label: a.example.ru, not example.ru nor a.b.example.ru.
            var dot = host.IndexOf('.');
            return dot > 0 && pattern.Count(c => c == '.') >= 2 && string.Equals(pattern.Substring(1), host.Substring(dot), StringComparison.OrdinalIgnoreCase);
        }

        private static string ToAscii(string name)
        {
            try { return new IdnMapping().GetAscii(name); }
            catch (ArgumentException) { return name; }
        }
    }
}
