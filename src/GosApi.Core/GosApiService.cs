namespace GosApi
{
    /// <summary>The four services the module talks to; used in error ids and traces.</summary>
    public enum GosApiService
    {
        Epgu,
        ElectronicCertificate,
        FnsMobileSign,
        Uc,
    }
}
