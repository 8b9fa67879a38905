using System;
using System.Runtime.InteropServices;
using System.Security;

namespace GosApi.Crypto.Pki
{
    /// <summary>Passwords as char arrays that the caller clears after use; never logged, never in messages.</summary>
    internal static class Secrets
    {
        internal static char[] ToChars(SecureString? password)
        {
            if (password is null || password.Length == 0) return Array.Empty<char>();
            var chars = new char[password.Length];
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(password);
                Marshal.Copy(pointer, chars, 0, chars.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
            return chars;
        }

        internal static char[] ToChars(string? password) => string.IsNullOrEmpty(password) ? Array.Empty<char>() : password!.ToCharArray();

        internal static void Clear(char[]? chars)
        {
            if (chars != null) Array.Clear(chars, 0, chars.Length);
        }

        internal static void Clear(byte[]? bytes)
        {
            if (bytes != null) Array.Clear(bytes, 0, bytes.Length);
        }
    }
}
