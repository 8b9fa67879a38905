using System;
using System.Management.Automation;
using GosApi.Http;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.Epgu
{
    /// <summary>
    /// The decoded claims of the session's access token (client_id, org_oid, scopes, permissions, times), with a
    /// warning when the permissions lack APIPGU or the token is about to expire. The token itself is never shown.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EpguTokenInfo")]
    [OutputType(typeof(AccessTokenInfo))]
    public sealed class GetEpguTokenInfoCommand : EpguCmdlet
    {
        /// <summary>Warn when the token expires within this many seconds.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int WarnWithinSec { get; set; } = 300;

        protected override void ProcessRecord()
        {
            var session = Session ?? SessionStore.Epgu!;
            // Gets a token when the session has none yet (a token provider or the ESIA API-key flow).
            if (!TryRun(() => Run(ct => session.GetTokenAsync(ct)), session.BaseUri)) return;
            var info = session.TokenInfo;
            if (info == null) return;
            foreach (var warning in info.Warnings(TimeSpan.FromSeconds(WarnWithinSec))) WriteWarning(warning);
            if (!info.IsJwt) WriteVerbose("The token is not a JWT: only its expiry (if the server gave one) is known.");
            WriteObject(info);
        }
    }
}
