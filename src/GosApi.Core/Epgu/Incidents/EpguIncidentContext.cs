using GosApi.Http;

namespace GosApi.Epgu.Incidents
{
    /// <summary>What the user tells about an incident besides the failed request itself.</summary>
    public sealed class EpguIncidentContext
    {
        /// <summary>The information system's mnemonic in ESIA, first in the subject line.</summary>
        public string Mnemonic { get; set; } = string.Empty;
        /// <summary>Item 7: the situation in which the incident happened.</summary>
        public string Description { get; set; } = string.Empty;
        /// <summary>Item 8: the analysis and checks made by the system owner.</summary>
        public string? Analysis { get; set; }
        /// <summary>Item 1: the information system's name (the mnemonic when not given).</summary>
        public string? SystemName { get; set; }
        /// <summary>Item 2: the organisation's name (legal entity) or the person's name (individual).</summary>
        public string? RecipientName { get; set; }
        /// <summary>The short error summary of the subject line; made from the failure when not given.</summary>
        public string? Summary { get; set; }
        /// <summary>The contour: Production gives PROD (data de-personalised), every other one SVCDEV.</summary>
        public EpguEnvironment Environment { get; set; } = EpguEnvironment.Test;
        /// <summary>Claims of the session's token, when the failed request itself carried none (e.g. a dictionary call).</summary>
        public AccessTokenInfo? SessionToken { get; set; }
    }
}
