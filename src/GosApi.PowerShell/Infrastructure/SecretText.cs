using System.Net;
using System.Security;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>The one place where a SecureString becomes text, right before it is handed to Core.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;
    }
}
