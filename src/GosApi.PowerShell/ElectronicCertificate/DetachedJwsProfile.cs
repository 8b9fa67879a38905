using System.Text;
using GosApi.Json;
using GosApi.Jws;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>How the JWS cmdlets turn a body into the signed payload and pick the protected header.</summary>
    internal static class DetachedJwsProfile
    {
        public const string Hs256Header = "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}";

        public static byte[] Payload(string? body, bool canonicalize) =>
            canonicalize ? ElectronicCertificateJws.Payload(body) : Encoding.UTF8.GetBytes(body ?? string.Empty);

        /// <summary>The HMAC key: the UTF-8 bytes of the shared secret.</summary>
        public static byte[] Key(System.Security.SecureString sharedSecret) => Encoding.UTF8.GetBytes(Infrastructure.SecretText.Reveal(sharedSecret));

        public static string Header(JwsAlgorithm algorithm) => algorithm == JwsAlgorithm.HS512 ? ElectronicCertificateJws.ProtectedHeader : Hs256Header;
    }
}
