using System;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// A GOST key, certificate, request, PFX or signature could not be read, made or used. The message says what
    /// and why in plain words and never contains key material or passwords.
    /// </summary>
    public class GostCryptoException : Exception
    {
        public GostCryptoException(string message) : base(message) { }

        public GostCryptoException(string message, Exception? inner) : base(message, inner) { }
    }
}
