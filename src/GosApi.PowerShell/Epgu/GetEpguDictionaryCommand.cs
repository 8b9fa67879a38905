using System;
using System.Management.Automation;
using GosApi.Epgu;
using System.Threading.Tasks;
using GosApi.Epgu.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>POST /api/nsi/v1/dictionary/{code}: NSI reference data (no token needed), every page fetched.</summary>
    [Cmdlet(VerbsCommon.Get, "EpguDictionary", SupportsPaging = true)]
    [OutputType(typeof(EpguDictionaryItem))]
    public sealed class GetEpguDictionaryCommand : EpguCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Dictionary")]
        public string Code { get; set; } = string.Empty;

        /// <summary>OneLevel for flat dictionaries, Subtree for hierarchies.</summary>
        [Parameter]
        [ValidateSet(nameof(EpguDictionaryFilter.OneLevel), nameof(EpguDictionaryFilter.Subtree))]
        public string Filter { get; set; } = nameof(EpguDictionaryFilter.OneLevel);

        /// <summary>Code of the parent element whose children are wanted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ParentValue { get; set; }

        /// <summary>Contour to read from without Connect-Epgu (dictionaries need no token).</summary>
        [Parameter]
        [ValidateSet(nameof(EpguEnvironment.Sandbox), nameof(EpguEnvironment.Test), nameof(EpguEnvironment.GostTest), nameof(EpguEnvironment.Production))]
        public string? Environment { get; set; }

        /// <summary>Base URI to read from without Connect-Epgu.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        private EpguSession? anonymous;

        protected override EpguSession ResolveSession()
        {
            if (BaseUri == null && Environment == null) return ActiveSession;
            var environment = Environment != null ? Parse<EpguEnvironment>(Environment) : EpguEnvironment.Custom;
            return anonymous = EpguSession.Anonymous(environment, BaseUri ?? EpguEnvironments.BaseUriOf(environment));
        }

        protected override void EndProcessing() => anonymous?.Dispose();

        protected override void ProcessRecord()
        {
            var pager = new PagingWriter(PagingParameters, WriteObject);
            TryRun(() => Run(async ct =>
            {
                await foreach (var item in Client.GetDictionaryAsync(Code, Parse<EpguDictionaryFilter>(Filter), ParentValue, ct).ConfigureAwait(false))
                    if (!pager.Offer(item, Post)) break;
            }), Code);
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)pager.Seen, 1.0));
        }
    }
}
