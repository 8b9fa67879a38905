using System.Management.Automation;
using GosApi.Json;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>RFC 8785 (JCS) canonical form of JSON text: the bytes that ИС «Электронный сертификат» signs.</summary>
    [Cmdlet(VerbsData.ConvertTo, "CanonicalJson")]
    [OutputType(typeof(string))]
    public sealed class ConvertToCanonicalJsonCommand : ElectronicCertificateCmdlet
    {
        /// <summary>JSON text, e.g. from ConvertTo-Json or Get-Content -Raw.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Json { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(CanonicalJson.Canonicalize(Json));
            }
            catch (System.FormatException ex)
            {
                WriteError(new ErrorRecord(new System.ArgumentException("Json: not valid for RFC 8785 canonicalisation: " + ex.Message, ex), "ElectronicCertificate.InvalidArgument", ErrorCategory.InvalidArgument, Json));
            }
        }
    }
}
