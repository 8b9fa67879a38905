using System;
using System.Management.Automation;
using GosApi.Http;

namespace GosApi.PowerShell.Infrastructure
{
    /// <summary>Base of the Connect-* cmdlets: the transport settings every service session takes.</summary>
    public abstract class ConnectCmdlet : GosApiCmdlet
    {
        [Parameter]
        [ValidateRange(1, 1_000_000)]
        public int RequestsPerMinute { get; set; } = 2000;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetries { get; set; } = 4;

        [Parameter]
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 120;

        /// <summary>A JSON-lines file that gets one line per HTTP exchange; $GosApiLogPath is the default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LogPath { get; set; }

        /// <summary>Name of the preference variable that gives every Connect-* a request log.</summary>
        public const string LogPathPreference = "GosApiLogPath";

        protected HttpPipelineOptions HttpOptions() => new HttpPipelineOptions
        {
            RequestsPerMinute = RequestsPerMinute,
            MaxRetries = MaxRetries,
            RetryBaseDelay = RetryDelay,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            RequestLog = RequestLogOrNull(),
        };

        private GosApi.Http.Exchanges.RequestLog? RequestLogOrNull()
        {
            // The preference may hold a command's output (Join-Path, Resolve-Path, Get-Item): take its text, not its wrapper.
            var preference = SessionState.PSVariable.GetValue(LogPathPreference);
            var path = LogPath ?? (preference == null ? null : LanguagePrimitives.ConvertTo<string>(preference is PSObject wrapped ? wrapped.BaseObject : preference));
            if (string.IsNullOrWhiteSpace(path)) return null;
            try
            {
                var log = new GosApi.Http.Exchanges.RequestLog(GetUnresolvedProviderPathFromPSPath(path));
                WriteVerbose($"Logging every request to {log.Path}.");
                return log;
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                throw new ArgumentException($"LogPath {path}: cannot write the request log ({ex.Message}).", nameof(LogPath), ex);
            }
        }
    }
}
