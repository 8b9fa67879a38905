using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using GosApi.FnsMobileSign.Models;
using GosApi.FnsMobileSign.Requests;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>
    /// POST /api/rb/workflow for every scenario type, or POST /api/rb/workflow/fns with -Simplified. The external_id
    /// (generated when absent) is always shown, so that a repeated create never makes a second workflow.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "FnsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = WorkflowSet)]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class NewFnsWorkflowCommand : FnsCmdlet
    {
        private const string WorkflowSet = "Workflow";
        private const string SimplifiedSet = "Simplified";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = WorkflowSet)]
        [ValidateSet("Identification", "CertificateIssuing", "DocumentSigning", "Blank", "ExternalActivity", "FileDecryption", "TlsCertificateReissuing", "CertificateReissuing")]
        public string Type { get; set; } = null!;

        /// <summary>POST /api/rb/workflow/fns: signing by the signer's INN and phone.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SimplifiedSet)]
        public SwitchParameter Simplified { get; set; }

        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Consumer")]
        public string? ConsumerId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public int? Scenario { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public Uri? Callback { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? ExternalId { get; set; }

        // The person to register (Identification).
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? LastName { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? FirstName { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? MiddleName { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Gender { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public DateTime? Birthed { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Snils { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Inn { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? Phone { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Citizenship { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Region { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? PostalCode { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? District { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? City { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Street { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? House { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Housing { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Building { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Apartment { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? PassportSeries { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? PassportNumber { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? PassportIssueCode { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? PassportIssuedBy { get; set; }
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public DateTime? PassportIssued { get; set; }

        // The business the signature is for.
        [Parameter(ParameterSetName = WorkflowSet, ValueFromPipelineByPropertyName = true)] public string? Ogrnip { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string? LegalEntityInn { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityName { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityOgrn { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityKpp { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityDivision { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityPosition { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityRegion { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityCity { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityStreet { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityHouse { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public string? LegalEntityOffice { get; set; }

        // Documents (signing, decryption).
        [Parameter] public string[]? Path { get; set; }
        [Parameter] public Uri? Backref { get; set; }
        [Parameter] public string? ContractorName { get; set; }

        // External activity.
        [Parameter(ParameterSetName = WorkflowSet)] public Uri? Url { get; set; }
        [Parameter(ParameterSetName = WorkflowSet)] public Hashtable? Header { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var files = Uploads(Path);
                if (Simplified)
                {
                    var simplified = new FnsSimplifiedSigningRequest { Inn = Inn, Phone = Phone, Scenario = Scenario, Callback = Callback, ExternalId = ExternalId, Backref = Backref, ContractorName = ContractorName, LegalEntity = LegalEntity() };
                    simplified.Documents.AddRange(files);
                    simplified.Validate().ThrowIfInvalid();
                    var id = simplified.EnsureExternalId();
                    if (!ShouldProcess($"{files.Count} documents for the signer with INN {Inn} (external_id {id})", "send for signature")) return;
                    WriteObject(Run(ct => Client.CreateSimplifiedSigningAsync(simplified, ct)));
                    return;
                }
                var request = Build(files);
                var result = request.Validate();
                if (request.Type != FnsWorkflowType.Identification && FnsParameterMapping.Any(Inn, Phone, Snils, LastName, PassportNumber))
                    result.Add(FnsParameterMapping.Any(Inn) ? "Inn" : FnsParameterMapping.Any(Phone) ? "Phone" : "LastName", null,
                        "person fields go only with -Type Identification (or -Simplified for -Inn and -Phone)");
                result.ThrowIfInvalid();
                var externalId = request.EnsureExternalId();
                WriteVerbose($"external_id {externalId}: repeating this command with -ExternalId {externalId} returns the same workflow.");
                if (!ShouldProcess($"{Type} workflow for {(request.Person != null ? request.Person.LastName + " " + request.Person.FirstName : "client " + ConsumerId)} (external_id {externalId})", "create")) return;
                WriteObject(Run(ct => Client.CreateWorkflowAsync(request, ct)));
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                WriteError(ErrorRecords.From(ex, Service, ConsumerId ?? (object?)Inn));
            }
        }

        private FnsWorkflowRequest Build(System.Collections.Generic.IReadOnlyList<FnsDocumentUpload> files)
        {
            var type = Parse<FnsWorkflowType>(Type);
            var request = new FnsWorkflowRequest
            {
                Type = type,
                Scenario = Scenario,
                Callback = Callback,
                ExternalId = ExternalId,
                ConsumerId = type == FnsWorkflowType.Identification ? null : ConsumerId,
                Backref = Backref,
                ContractorName = ContractorName,
                ExternalActivityUrl = Url,
                Entrepreneur = string.IsNullOrWhiteSpace(Ogrnip) ? null : new FnsEntrepreneurData { Ogrnip = Ogrnip },
                LegalEntity = LegalEntity(),
            };
            if (type == FnsWorkflowType.Identification)
            {
                request.Person = new FnsPersonData
                {
                    Citizenship = Citizenship, LastName = LastName, FirstName = FirstName, MiddleName = MiddleName, Gender = Gender,
                    Birthed = Birthed, Snils = Snils, Inn = Inn, Phone = Phone,
                    Address = new FnsAddress { Region = Region, Index = PostalCode, District = District, City = City, Street = Street, House = House, Housing = Housing, Building = Building, Apartment = Apartment },
                    Passport = new FnsPassport { Series = PassportSeries, Number = PassportNumber, IssueCode = PassportIssueCode, IssuedBy = PassportIssuedBy, Issued = PassportIssued },
                };
                if (!string.IsNullOrWhiteSpace(ConsumerId)) request.ConsumerId = ConsumerId; // reported by validation
            }
            request.Documents.AddRange(files);
            if (Header != null)
                foreach (DictionaryEntry entry in Header) request.ExternalActivityHeaders[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            return request;
        }

        private FnsLegalEntityData? LegalEntity()
        {
            if (!FnsParameterMapping.Any(LegalEntityInn, LegalEntityName, LegalEntityOgrn, LegalEntityKpp, LegalEntityPosition, LegalEntityDivision,
                LegalEntityRegion, LegalEntityCity, LegalEntityStreet, LegalEntityHouse, LegalEntityOffice)) return null;
            return new FnsLegalEntityData
            {
                Inn = LegalEntityInn, Name = LegalEntityName, Ogrn = LegalEntityOgrn, Kpp = LegalEntityKpp, Division = LegalEntityDivision, Position = LegalEntityPosition,
                Address = FnsParameterMapping.Any(LegalEntityRegion, LegalEntityCity, LegalEntityStreet, LegalEntityHouse, LegalEntityOffice)
                    ? new FnsAddress { Type = "legal", Region = LegalEntityRegion, City = LegalEntityCity, Street = LegalEntityStreet, House = LegalEntityHouse, Apartment = LegalEntityOffice }
                    : null,
            };
        }
    }
}
