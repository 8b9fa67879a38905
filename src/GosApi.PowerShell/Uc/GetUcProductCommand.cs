using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc.Models;

namespace GosApi.PowerShell.Uc
{
    /// <summary>
    /// products: the organisation's products, filtered here by -Name (wildcards) and -Id. An -Id may also name a
    /// subitem of a product; exact names and ids that match nothing are non-terminating errors.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "UcProduct")]
    [OutputType(typeof(UcProduct))]
    public sealed class GetUcProductCommand : UcCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProductId")]
        public int[]? Id { get; set; }

        private IReadOnlyList<UcProduct>? products;

        protected override void ProcessRecord()
        {
            if (products == null)
            {
                if (!TryRun(() => products = Run(ct => Client.GetProductsAsync(ct)), null)) return;
            }
            var all = products!;
            var pattern = Name == null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var ids = new HashSet<int>(Id ?? new int[0]);
            // An id may be a subitem's: look through the whole tree for ids, but only at the top for names alone.
            var candidates = ids.Count > 0 ? Flatten(all) : all;
            var found = candidates.Where(p => (pattern == null || pattern.IsMatch(p.Name ?? string.Empty)) && (ids.Count == 0 || ids.Contains(p.Id))).ToArray();
            WriteObject(found, enumerateCollection: true);
            foreach (var id in ids.Where(i => !found.Any(p => p.Id == i)))
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no УЦ product with id {id}" + (Name == null ? "." : $" named '{Name}'.")), "Uc.ProductNotFound", ErrorCategory.ObjectNotFound, id));
            if (ids.Count == 0 && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name) && found.Length == 0)
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no УЦ product named '{Name}'."), "Uc.ProductNotFound", ErrorCategory.ObjectNotFound, Name));
        }

        private static IEnumerable<UcProduct> Flatten(IEnumerable<UcProduct> items) =>
            items.SelectMany(p => new[] { p }.Concat(Flatten(p.Subitems ?? Array.Empty<UcProduct>())));
    }
}
