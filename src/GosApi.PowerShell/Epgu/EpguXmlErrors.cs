using System.Management.Automation;
using GosApi.Epgu.Xml;
using GosApi.Errors;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>The error record of a request XML that does not match the schemas (ErrorId Epgu.InvalidRequestXml).</summary>
    internal static class EpguXmlErrors
    {
        public static ErrorRecord Invalid(EpguXmlValidationResult result) =>
            ErrorRecords.From(new EpguXmlValidationException(new[] { result }), GosApiService.Epgu, result.Path);
    }
}
