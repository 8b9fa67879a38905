namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Base of the GOST toolkit cmdlets: errors are Gost.&lt;code&gt;.</summary>
    public abstract class GostCmdlet : GosApiCmdlet
    {
        protected override GosApiService Service => GosApiService.Gost;
    }
}
