using System;
using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>POST /api/rb/consumer/search: the customer's clients with this name and phone, narrowed by any other data.</summary>
    [Cmdlet(VerbsCommon.Find, "FnsConsumer")]
    [OutputType(typeof(FnsConsumer))]
    public sealed class FindFnsConsumerCommand : FnsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string LastName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string FirstName { get; set; } = string.Empty;

        /// <summary>Required unless -NoMiddleName says the passport has none.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        public string? MiddleName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter NoMiddleName { get; set; }

        /// <summary>The mobile phone in any Russian spelling (+7 900 586-34-54, 89005863454…).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Phone { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("BirthDate")]
        public DateTime? Birthed { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Snils { get; set; }

        /// <summary>The person's 12-digit INN.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Inn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PassportSeries { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PassportNumber { get; set; }

        /// <summary>Код подразделения, NNN-NNN.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PassportIssueCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PassportIssuedBy { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime? PassportIssued { get; set; }

        protected override void ProcessRecord()
        {
            var passport = new FnsPassport
            {
                Series = PassportSeries,
                Number = PassportNumber,
                IssueCode = PassportIssueCode,
                IssuedBy = PassportIssuedBy,
                Issued = PassportIssued,
            };
            var query = new FnsConsumerQuery
            {
                LastName = LastName,
                FirstName = FirstName,
                MiddleName = MiddleName,
                NoMiddleName = NoMiddleName,
                Phone = Phone,
                Birthed = Birthed,
                Snils = Snils,
                Inn = Inn,
                Passport = passport.IsEmpty ? null : passport,
            };
            var target = $"{LastName} {FirstName} {MiddleName}".Trim();
            TryRun(() =>
            {
                var found = Run(ct => Client.SearchConsumersAsync(query, ct));
                if (found.Count == 0) WriteVerbose($"No client {target} with phone {query.Phone}.");
                WriteObject(found, enumerateCollection: true);
            }, target);
        }
    }
}
