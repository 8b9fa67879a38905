namespace GosApi.Sandbox.Esia;

/// <summary>
/// Elliptic-curve parameter sets of GOST R 34.10-2012 keys. Real certificates from Russian CAs mostly carry the
/// CryptoPro sets (CryptoProXchA is CryptoPro CSP's default for 256-bit keys); the TC 26 sets are the newer ones.
/// </summary>
public enum GostParameterSet
{
    /// <summary>id-GostR3410-2001-CryptoPro-XchA-ParamSet (1.2.643.2.2.36.0), 256-bit key.</summary>
    CryptoProXchA,
    /// <summary>id-GostR3410-2001-CryptoPro-XchB-ParamSet (1.2.643.2.2.36.1), 256-bit key.</summary>
    CryptoProXchB,
    /// <summary>id-GostR3410-2001-CryptoPro-A-ParamSet (1.2.643.2.2.35.1), 256-bit key.</summary>
    CryptoProA,
    /// <summary>id-GostR3410-2001-CryptoPro-B-ParamSet (1.2.643.2.2.35.2), 256-bit key.</summary>
    CryptoProB,
    /// <summary>id-GostR3410-2001-CryptoPro-C-ParamSet (1.2.643.2.2.35.3), 256-bit key.</summary>
    CryptoProC,
    /// <summary>id-tc26-gost-3410-12-256-paramSetA (1.2.643.7.1.2.1.1.1), 256-bit key.</summary>
    Tc26256A,
    /// <summary>id-tc26-gost-3410-12-512-paramSetA (1.2.643.7.1.2.1.2.1), 512-bit key.</summary>
    Tc26512A,
    /// <summary>id-tc26-gost-3410-12-512-paramSetB (1.2.643.7.1.2.1.2.2), 512-bit key.</summary>
    Tc26512B,
    /// <summary>id-tc26-gost-3410-12-512-paramSetC (1.2.643.7.1.2.1.2.3), 512-bit key.</summary>
    Tc26512C,
}
