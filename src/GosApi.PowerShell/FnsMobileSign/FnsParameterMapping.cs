using System;
using GosApi.FnsMobileSign.Requests;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>Builds Core request blocks from flat cmdlet parameters; absent blocks stay null.</summary>
    internal static class FnsParameterMapping
    {
        public static bool Any(params object?[] values)
        {
            foreach (var value in values)
            {
                if (value is string text ? !string.IsNullOrWhiteSpace(text) : value != null) return true;
            }
            return false;
        }

        public static FnsPassport? Passport(string? series, string? number, string? issueCode = null, string? issuedBy = null, DateTime? issued = null) =>
            Any(series, number, issueCode, issuedBy, issued)
                ? new FnsPassport { Series = series, Number = number, IssueCode = issueCode, IssuedBy = issuedBy, Issued = issued }
                : null;
    }
}
