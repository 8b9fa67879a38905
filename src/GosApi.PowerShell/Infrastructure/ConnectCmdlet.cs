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

        protected HttpPipelineOptions HttpOptions() => new HttpPipelineOptions
        {
            RequestsPerMinute = RequestsPerMinute,
            MaxRetries = MaxRetries,
            RetryBaseDelay = RetryDelay,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
        };
    }
}
