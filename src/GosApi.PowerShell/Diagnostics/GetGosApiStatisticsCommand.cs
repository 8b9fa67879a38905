using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.ElectronicCertificates;
using GosApi.Epgu;
using GosApi.FnsMobileSign;
using GosApi.Http;
using GosApi.Http.Exchanges;
using GosApi.PowerShell.Infrastructure;
using GosApi.Uc;

namespace GosApi.PowerShell.Diagnostics
{
    /// <summary>
    /// Requests, retries, 429s and errors by code of the current sessions (or of request log files), with the use
    /// of EPGU's quotas (001 Appendix 3) and a warning for every quota at 90% or more.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GosApiStatistics", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(TrafficSummary))]
    public sealed class GetGosApiStatisticsCommand : GosApiCmdlet
    {
        private const string SessionSet = "Session";
        private const string LogSet = "Log";

        protected override GosApiService Service => GosApiService.Epgu;

        /// <summary>Sessions to summarise; by default every session connected in this PowerShell session.</summary>
        [Parameter(ParameterSetName = SessionSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object[]? Session { get; set; }

        /// <summary>Only these services.</summary>
        [Parameter]
        [ValidateSet(nameof(GosApiService.Epgu), nameof(GosApiService.ElectronicCertificate), nameof(GosApiService.FnsMobileSign), nameof(GosApiService.Uc))]
        public string[]? ServiceName { get; set; }

        /// <summary>Request logs written by Connect-* -LogPath (also by other processes) to summarise instead of sessions.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LogSet)]
        [ValidateNotNullOrEmpty]
        public string[] LogPath { get; set; } = null!;

        private bool sawSessionInput;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == LogSet)
            {
                var (paths, _) = ResolveFilePaths(LogPath, literal: false);
                foreach (var path in paths)
                {
                    if (!TryRun(() => EmitLog(path), path)) continue;
                }
                return;
            }
            if (Session == null) return;
            sawSessionInput = true;
            foreach (var session in Session) Emit(SummaryOf(session is PSObject ps ? ps.BaseObject : session));
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != SessionSet || sawSessionInput) return;
            var sessions = new object?[] { SessionStore.Epgu, SessionStore.ElectronicCertificate, SessionStore.Fns, SessionStore.Uc }.Where(s => s != null).ToArray();
            if (sessions.Length == 0) WriteVerbose("No service is connected in this session; connect first or use -LogPath.");
            foreach (var session in sessions) Emit(SummaryOf(session!));
        }

        private void EmitLog(string path)
        {
            var summaries = RequestLogReader.Summarise(path, DateTimeOffset.UtcNow, out var skipped);
            if (skipped.Count > 0)
                WriteWarning($"{path}: {skipped.Count} line(s) are not request log lines and were skipped (line {string.Join(", ", skipped.Take(5))}{(skipped.Count > 5 ? ", …" : string.Empty)}); a line still being written by another process looks like that.");
            foreach (var summary in summaries) Emit(summary);
        }

        private TrafficSummary? SummaryOf(object session)
        {
            var now = DateTimeOffset.UtcNow;
            switch (session)
            {
                case EpguSession epgu: return TrafficSummary.Of(epgu.ToString(), GosApiService.Epgu, epgu.ConnectedAt, epgu.Statistics, now);
                case ElectronicCertificateSession ec: return TrafficSummary.Of(ec.ToString(), GosApiService.ElectronicCertificate, ec.ConnectedAt, ec.Statistics, now);
                case FnsSession fns: return TrafficSummary.Of(fns.ToString(), GosApiService.FnsMobileSign, fns.ConnectedAt, fns.Statistics, now);
                case UcSession uc: return TrafficSummary.Of(uc.ToString(), GosApiService.Uc, uc.ConnectedAt, uc.Statistics, now);
                default:
                    WriteError(new ErrorRecord(new ArgumentException($"Session: {session.GetType().Name} is not a GosApi session (Connect-Epgu, Connect-ElectronicCertificateService, Connect-FnsMobileSign or Connect-UcService make one)."),
                        "GosApi.InvalidArgument", ErrorCategory.InvalidArgument, session));
                    return null;
            }
        }

        private void Emit(TrafficSummary? summary)
        {
            if (summary == null) return;
            if (ServiceName != null && !ServiceName.Contains(summary.Service.ToString(), StringComparer.OrdinalIgnoreCase)) return;
            foreach (var quota in summary.NearLimit)
                WriteWarning($"{summary.Source}: {quota.Used} of {quota.Limit} {quota.Quota} used ({quota.Percent}%); the window ends at {quota.ResetsAt:yyyy-MM-dd HH:mm:ss zzz}.");
            WriteObject(summary);
        }
    }
}
