using System;

namespace GosApi.Crypto.Pki
{
    /// <summary>
    /// Elliptic-curve parameter set of a GOST R 34.10-2012 key. The key size (256 or 512 bits) follows from it;
    /// see <see cref="GostParameterSets"/> for the OIDs and sizes.
    /// </summary>
    public enum GostParameterSet
    {
        /// <summary>id-GostR3410-2001-CryptoPro-A-ParamSet, 1.2.643.2.2.35.1 (256-bit key).</summary>
        CryptoProA,
        /// <summary>id-GostR3410-2001-CryptoPro-B-ParamSet, 1.2.643.2.2.35.2 (256-bit key).</summary>
        CryptoProB,
        /// <summary>id-GostR3410-2001-CryptoPro-C-ParamSet, 1.2.643.2.2.35.3 (256-bit key).</summary>
        CryptoProC,
        /// <summary>id-GostR3410-2001-CryptoPro-XchA-ParamSet, 1.2.643.2.2.36.0 (256-bit key).</summary>
        CryptoProXchA,
        /// <summary>id-GostR3410-2001-CryptoPro-XchB-ParamSet, 1.2.643.2.2.36.1 (256-bit key).</summary>
        CryptoProXchB,
        /// <summary>id-tc26-gost-3410-2012-256-paramSetA, 1.2.643.7.1.2.1.1.1 (256-bit key).</summary>
        Tc26256A,
        /// <summary>id-tc26-gost-3410-2012-256-paramSetB, 1.2.643.7.1.2.1.1.2 (256-bit key).</summary>
        Tc26256B,
        /// <summary>id-tc26-gost-3410-2012-256-paramSetC, 1.2.643.7.1.2.1.1.3 (256-bit key).</summary>
        Tc26256C,
        /// <summary>id-tc26-gost-3410-2012-256-paramSetD, 1.2.643.7.1.2.1.1.4 (256-bit key).</summary>
        Tc26256D,
        /// <summary>id-tc26-gost-3410-2012-512-paramSetA, 1.2.643.7.1.2.1.2.1 (512-bit key).</summary>
        Tc26512A,
        /// <summary>id-tc26-gost-3410-2012-512-paramSetB, 1.2.643.7.1.2.1.2.2 (512-bit key).</summary>
        Tc26512B,
        /// <summary>id-tc26-gost-3410-2012-512-paramSetC, 1.2.643.7.1.2.1.2.3 (512-bit key).</summary>
        Tc26512C,
    }

    /// <summary>OIDs, key sizes and names of the <see cref="GostParameterSet"/> values.</summary>
    public static class GostParameterSets
    {
        /// <summary>GOST R 34.10-2012 public key algorithm with a 256-bit key.</summary>
        public const string KeyAlgorithm256Oid = "1.2.643.7.1.1.1.1";
        /// <summary>GOST R 34.10-2012 public key algorithm with a 512-bit key.</summary>
        public const string KeyAlgorithm512Oid = "1.2.643.7.1.1.1.2";
        /// <summary>GOST R 34.11-2012 (Streebog) 256-bit digest.</summary>
        public const string Digest256Oid = "1.2.643.7.1.1.2.2";
        /// <summary>GOST R 34.11-2012 (Streebog) 512-bit digest.</summary>
        public const string Digest512Oid = "1.2.643.7.1.1.2.3";
        /// <summary>Signature with GOST R 34.10-2012 and GOST R 34.11-2012, 256-bit.</summary>
        public const string SignatureWithDigest256Oid = "1.2.643.7.1.1.3.2";
        /// <summary>Signature with GOST R 34.10-2012 and GOST R 34.11-2012, 512-bit.</summary>
        public const string SignatureWithDigest512Oid = "1.2.643.7.1.1.3.3";

        /// <summary>All parameter sets, in declaration order.</summary>
        public static GostParameterSet[] All => (GostParameterSet[])Enum.GetValues(typeof(GostParameterSet));

        /// <summary>The parameter set's OID, e.g. "1.2.643.2.2.35.1".</summary>
        public static string Oid(this GostParameterSet set) => set switch
        {
            GostParameterSet.CryptoProA => "1.2.643.2.2.35.1",
            GostParameterSet.CryptoProB => "1.2.643.2.2.35.2",
            GostParameterSet.CryptoProC => "1.2.643.2.2.35.3",
            GostParameterSet.CryptoProXchA => "1.2.643.2.2.36.0",
            GostParameterSet.CryptoProXchB => "1.2.643.2.2.36.1",
            GostParameterSet.Tc26256A => "1.2.643.7.1.2.1.1.1",
            GostParameterSet.Tc26256B => "1.2.643.7.1.2.1.1.2",
            GostParameterSet.Tc26256C => "1.2.643.7.1.2.1.1.3",
            GostParameterSet.Tc26256D => "1.2.643.7.1.2.1.1.4",
            GostParameterSet.Tc26512A => "1.2.643.7.1.2.1.2.1",
            GostParameterSet.Tc26512B => "1.2.643.7.1.2.1.2.2",
            GostParameterSet.Tc26512C => "1.2.643.7.1.2.1.2.3",
            _ => throw new ArgumentOutOfRangeException(nameof(set), set, "Unknown GOST parameter set."),
        };

        /// <summary>Key size in bits: 256 or 512.</summary>
        public static int KeySize(this GostParameterSet set) =>
            set == GostParameterSet.Tc26512A || set == GostParameterSet.Tc26512B || set == GostParameterSet.Tc26512C ? 512 : 256;

        /// <summary>The name openssl's gost engine uses with <c>-pkeyopt paramset:NAME</c> (A, B, C, XA, XB, TCA … TCD).</summary>
        public static string OpenSslName(this GostParameterSet set) => set switch
        {
            GostParameterSet.CryptoProA => "A",
            GostParameterSet.CryptoProB => "B",
            GostParameterSet.CryptoProC => "C",
            GostParameterSet.CryptoProXchA => "XA",
            GostParameterSet.CryptoProXchB => "XB",
            GostParameterSet.Tc26256A => "TCA",
            GostParameterSet.Tc26256B => "TCB",
            GostParameterSet.Tc26256C => "TCC",
            GostParameterSet.Tc26256D => "TCD",
            GostParameterSet.Tc26512A => "A",
            GostParameterSet.Tc26512B => "B",
            GostParameterSet.Tc26512C => "C",
            _ => throw new ArgumentOutOfRangeException(nameof(set), set, "Unknown GOST parameter set."),
        };

        /// <summary>The parameter set of an OID; false for any other OID.</summary>
        public static bool TryFromOid(string? oid, out GostParameterSet set)
        {
            foreach (var candidate in All)
            {
                if (candidate.Oid() == oid)
                {
                    set = candidate;
                    return true;
                }
            }
            set = default;
            return false;
        }

        /// <summary>The parameter set of an OID; throws <see cref="GostCryptoException"/> for an unknown one.</summary>
        public static GostParameterSet FromOid(string oid) =>
            TryFromOid(oid, out var set) ? set : throw new GostCryptoException("Unknown GOST R 34.10-2012 parameter set " + oid + ".");

        /// <summary>
        /// Whether the key's AlgorithmIdentifier names the digest too (digestParamSet), as openssl's gost engine writes it:
        /// present for the CryptoPro sets and 512-bit A/B, absent for the TC26 256-bit sets and 512-bit C (RFC 9215).
        /// </summary>
        internal static bool NamesDigest(this GostParameterSet set) =>
            !(set == GostParameterSet.Tc26256A || set == GostParameterSet.Tc26256B || set == GostParameterSet.Tc26256C
              || set == GostParameterSet.Tc26256D || set == GostParameterSet.Tc26512C);
    }
}
