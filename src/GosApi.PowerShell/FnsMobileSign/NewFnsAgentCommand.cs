using System.Management.Automation;
using System.Security;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>POST /api/rb/staff/agent: creates an agent account (учётная запись сотрудника).</summary>
    /// <remarks>The password is a SecureString, revealed only when the request is built; it is never written or kept.</remarks>
    [Cmdlet(VerbsCommon.New, "FnsAgent", SupportsShouldProcess = true)]
    [OutputType(typeof(FnsAgent))]
    public sealed class NewFnsAgentCommand : FnsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Username { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        public SecureString Password { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string LastName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string FirstName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string MiddleName { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Phone { get; set; } = string.Empty;

        /// <summary>Passport data as free text, e.g. "4500 023 Выдан ПВД ОВД 12.05.2011".</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string UnstructuredIdentity { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Snils { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Position { get; set; } = string.Empty;

        /// <summary>The id of the agent's company.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CompanyId")]
        public long Company { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Permissions")]
        [ValidateSet("create_new_agent", "consumer_identify")]
        public string[] Permission { get; set; } = new string[0];

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("IdentificationPoints")]
        public long[] IdentificationPoint { get; set; } = new long[0];

        protected override void ProcessRecord()
        {
            TryRun(() =>
            {
                var agent = new FnsAgentData
                {
                    Username = Username,
                    Password = SecretText.Reveal(Password),
                    LastName = LastName,
                    FirstName = FirstName,
                    MiddleName = MiddleName,
                    Email = Email,
                    Phone = Phone,
                    UnstructuredIdentity = UnstructuredIdentity,
                    Snils = Snils,
                    Position = Position,
                    Company = Company,
                };
                foreach (var p in Permission) agent.Permissions.Add(p);
                foreach (var p in IdentificationPoint) agent.IdentificationPoints.Add(p);
                agent.Validate(creating: true).ThrowIfInvalid(); // so that -WhatIf reports bad data too
                if (!ShouldProcess($"agent {Username} ({LastName} {FirstName} {MiddleName}, company {Company})", "Create agent")) return;
                WriteObject(Run(ct => Client.CreateAgentAsync(agent, ct)));
            }, Username);
        }
    }
}
