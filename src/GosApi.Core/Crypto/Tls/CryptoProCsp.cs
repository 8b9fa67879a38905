using System;
using System.IO;
using System.Runtime.InteropServices;

namespace GosApi.Crypto.Tls
{
    /// <summary>
    /// Windows: whether CryptoPro CSP is installed, the provider that lets SChannel speak GOST TLS. Looks for its
    /// registry key (HKLM\SOFTWARE\Crypto Pro\Cryptography\CurrentVersion) or its provider DLL (cpcsp.dll, cpcspi.dll)
    /// in the system directory. Not testable on Linux; kept minimal.
    /// </summary>
    internal static class CryptoProCsp
    {
        internal const string Install = "install CryptoPro CSP 5.0 or later (https://www.cryptopro.ru/products/csp), which lets Windows (SChannel) speak GOST TLS; or use Start-GostTlsTunnel with stunnel and a gost-enabled OpenSSL";

        private const string Key = @"SOFTWARE\Crypto Pro\Cryptography\CurrentVersion";
        private static readonly UIntPtr LocalMachine = (UIntPtr)0x80000002u;
        private const int Read = 0x20019; // KEY_READ
        private const int View64 = 0x0100; // KEY_WOW64_64KEY
        private const int View32 = 0x0200; // KEY_WOW64_32KEY

        internal static bool IsInstalled()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return false;
            if (KeyExists(View64) || KeyExists(View32)) return true;
            var system = Environment.GetFolderPath(Environment.SpecialFolder.System);
            return File.Exists(Path.Combine(system, "cpcsp.dll")) || File.Exists(Path.Combine(system, "cpcspi.dll"));
        }

        private static bool KeyExists(int view)
        {
            try
            {
                if (RegOpenKeyEx(LocalMachine, Key, 0, Read | view, out var handle) != 0) return false;
                RegCloseKey(handle);
                return true;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode, EntryPoint = "RegOpenKeyExW")]
        private static extern int RegOpenKeyEx(UIntPtr key, string subKey, int options, int desired, out IntPtr result);

        [DllImport("advapi32.dll")]
        private static extern int RegCloseKey(IntPtr key);
    }
}
