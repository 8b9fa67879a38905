using System.Linq;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// fns/find: valid certificates in the FNS register, every page of 100; each is written as it arrives, and
    /// paging stops as soon as the pipeline stops (Select-Object -First).
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "UcFnsCertificate")]
    [OutputType(typeof(UcFnsCertificate))]
    public sealed class FindUcFnsCertificateCommand : UcCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Snils { get; set; }

        /// <summary>A person's 12-digit INN, or a legal entity's 10 digits (sent with "00" in front).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Inn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Ogrn { get; set; }

        /// <summary>Binds OgrnIp of a piped object too (names are case-insensitive).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Ogrnip { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Sn")]
        public string? SerialNumber { get; set; }

        protected override void ProcessRecord()
        {
            var query = new UcFnsQuery { Snils = Snils, Inn = Inn, Ogrn = Ogrn, Ogrnip = Ogrnip, SerialNumber = SerialNumber };
            var target = string.Join(" ", new[] { Snils, Inn, Ogrn, Ogrnip, SerialNumber }.Where(v => !string.IsNullOrWhiteSpace(v)));
            TryRun(() =>
            {
                var found = Run(ct => Client.FindFnsCertificatesAsync(query, certificate =>
                {
                    PostObject(certificate);
                    return !ct.IsCancellationRequested;
                }, ct));
                if (found == 0) WriteVerbose($"No valid certificate in the FNS register for {target}.");
            }, target);
        }
    }
}
