using System.Management.Automation;
using System.Security;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>PUT /api/rb/staff/agent/{id}: changes the fields given; -Disable blocks the account (is_active false), -Enable unblocks it.</summary>
    /// <remarks>
    /// Only -Id binds from the pipeline: an agent piped from Get-FnsAgent must not send all its own fields back as
    /// changes. ConfirmImpact is Medium; blocking behaves as High (see ConfirmDisable).
    /// </remarks>
    [Cmdlet(VerbsCommon.Set, "FnsAgent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeSet)]
    [OutputType(typeof(FnsAgent))]
    public sealed class SetFnsAgentCommand : FnsCmdlet
    {
        private const string ChangeSet = "Change";
        private const string DisableSet = "Disable";
        private const string EnableSet = "Enable";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("AgentId")]
        public long Id { get; set; }

        [Parameter]
        public string? Username { get; set; }

        [Parameter]
        public SecureString? Password { get; set; }

        [Parameter]
        public string? LastName { get; set; }

        [Parameter]
        public string? FirstName { get; set; }

        [Parameter]
        public string? MiddleName { get; set; }

        [Parameter]
        public string? Email { get; set; }

        [Parameter]
        public string? Phone { get; set; }

        [Parameter]
        public string? UnstructuredIdentity { get; set; }

        [Parameter]
        public string? Snils { get; set; }

        [Parameter]
        public string? Position { get; set; }

        [Parameter]
        [Alias("CompanyId")]
        public long? Company { get; set; }

        [Parameter]
        [Alias("Permissions")]
        [ValidateSet("create_new_agent", "consumer_identify")]
        public string[]? Permission { get; set; }

        [Parameter]
        [Alias("IdentificationPoints")]
        public long[]? IdentificationPoint { get; set; }

        /// <summary>Blocks the account (is_active false).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DisableSet)]
        [Alias("Block")]
        public SwitchParameter Disable { get; set; }

        /// <summary>Unblocks the account (is_active true).</summary>
        [Parameter(Mandatory = true, ParameterSetName = EnableSet)]
        public SwitchParameter Enable { get; set; }

        protected override void ProcessRecord()
        {
            TryRun(() =>
            {
                var changes = new FnsAgentData
                {
                    Username = Username,
                    Password = Password == null ? null : SecretText.Reveal(Password),
                    LastName = LastName,
                    FirstName = FirstName,
                    MiddleName = MiddleName,
                    Email = Email,
                    Phone = Phone,
                    UnstructuredIdentity = UnstructuredIdentity,
                    Snils = Snils,
                    Position = Position,
                    Company = Company,
                    IsActive = Disable ? false : Enable ? true : (bool?)null,
                };
                foreach (var p in Permission ?? new string[0]) changes.Permissions.Add(p);
                foreach (var p in IdentificationPoint ?? new long[0]) changes.IdentificationPoints.Add(p);
                changes.Validate(creating: false).ThrowIfInvalid(); // so that -WhatIf reports bad data too
                var action = Disable ? "Block agent" : Enable ? "Unblock agent" : "Change agent";
                if (!ShouldProcess($"agent {Id}", action)) return;
                if (Disable && !ConfirmDisable()) return;
                WriteObject(Run(ct => Client.UpdateAgentAsync(Id, changes, ct)));
            }, Id);
        }

        /// <summary>
        /// Blocking asks as a ConfirmImpact High cmdlet would: unless -Confirm was given either way or
        /// $ConfirmPreference is None, the user confirms (a non-interactive host fails, so scripts pass -Confirm:$false).
        /// </summary>
        private bool ConfirmDisable()
        {
            if (MyInvocation.BoundParameters.ContainsKey("Confirm")) return true; // -Confirm already asked; -Confirm:$false skips
            var preference = GetVariableValue("ConfirmPreference");
            if (preference is ConfirmImpact impact && impact == ConfirmImpact.None) return true;
            if (preference != null && string.Equals(preference.ToString(), "None", System.StringComparison.OrdinalIgnoreCase)) return true;
            return ShouldContinue($"Block agent {Id}? The agent will no longer be able to log in or identify clients.", "Confirm");
        }
    }
}
