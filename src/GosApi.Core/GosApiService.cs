namespace GosApi
{
    /// <summary>The four services the module talks to; used in error ids and traces.</summary>
    public enum GosApiService
    {
        Epgu,
        ElectronicCertificate,
        FnsMobileSign,
        Uc,
        /// <summary>The local GOST toolkit (hashes, keys, certificates, signatures): no remote service, but the same error ids.</summary>
        Gost,
    }
}
