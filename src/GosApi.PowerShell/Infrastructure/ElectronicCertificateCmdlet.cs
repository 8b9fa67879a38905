namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Base of the ИС «Электронный сертификат» cmdlets: errors are ElectronicCertificate.&lt;code&gt;.</summary>
    public abstract class ElectronicCertificateCmdlet : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.ElectronicCertificate;
    }
}
