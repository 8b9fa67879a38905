using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using Model = GosApi.ElectronicCertificates.Models.ElectronicCertificate;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>GET ec-detailed-statement: the statement of certificates by number.</summary>
    [Cmdlet(VerbsCommon.Get, "ElectronicCertificate")]
    [OutputType(typeof(Model))]
    public sealed class GetElectronicCertificateCommand : ElectronicCertificateSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("cn")]
        public string[] CertificateNumber { get; set; } = null!;

        protected override void ProcessRecord()
        {
            foreach (var number in CertificateNumber)
                TryRun(() => WriteObject(Run(ct => Client.GetCertificateAsync(number, ct))), number);
        }
    }
}
