using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using GosApi.ElectronicCertificates;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>Tab completion of the spec's codes, offered in their exact spelling with the meaning as tooltip.</summary>
    public sealed class CodeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var list = parameterName.ToLowerInvariant() switch
            {
                "certificatetype" => ElectronicCertificateCodes.CertificateTypes,
                "program" => ElectronicCertificateCodes.Programs,
                _ => ElectronicCertificateCodes.BlockReasons,
            };
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return list
                .Where(pair => typed.Length == 0 || LooksLike(pair.Key, typed))
                .Select(pair => new CompletionResult("'" + pair.Key + "'", pair.Key, CompletionResultType.ParameterValue, pair.Key + " — " + pair.Value));
        }

        /// <summary>A prefix typed with any look-alike letters: "ECTP" in Latin still finds "ЕСТР0001".</summary>
        private static bool LooksLike(string code, string typed) =>
            typed.Length <= code.Length && ElectronicCertificateCodes.Normalize(new Dictionary<string, string> { [code.Substring(0, typed.Length)] = "" }, typed) != null;
    }
}
