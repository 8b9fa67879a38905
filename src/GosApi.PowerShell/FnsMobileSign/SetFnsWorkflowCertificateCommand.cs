using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using GosApi.Crypto.Cms;
using GosApi.FnsMobileSign.Models;
using GosApi.PowerShell.Infrastructure;

namespace GosApi.PowerShell.FnsMobileSign
{
    /// <summary>PUT /api/rb/workflow/{id}/certificate: hands the issued certificate (DER or PEM file) to a certificate-issuing workflow.</summary>
    [Cmdlet(VerbsCommon.Set, "FnsWorkflowCertificate", SupportsShouldProcess = true)]
    [OutputType(typeof(FnsWorkflow))]
    public sealed class SetFnsWorkflowCertificateCommand : FnsCmdlet
    {
        private const string BeginCertificate = "-----BEGIN CERTIFICATE-----";
        private const string EndCertificate = "-----END CERTIFICATE-----";

        /// <summary>The certificate-issuing workflow; a piped FnsWorkflow binds through its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public long WorkflowId { get; set; }

        /// <summary>The certificate file: DER (.cer) or PEM (-----BEGIN CERTIFICATE-----).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Writes the workflow as it is after the upload.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var (paths, _) = ResolveFilePaths(new[] { Path }, literal: true);
            if (paths.Count == 0) return;
            var file = paths[0];
            TryRun(() =>
            {
                var der = ReadCertificate(file);
                if (!ShouldProcess($"workflow {WorkflowId}: {file}", "Upload certificate")) return;
                Run(ct => Client.SetCertificateAsync(WorkflowId, der, ct));
                WriteVerbose($"The certificate {System.IO.Path.GetFileName(file)} ({der.Length} bytes) was sent to workflow {WorkflowId}.");
                if (PassThru) WriteObject(Run(ct => Client.GetWorkflowAsync(WorkflowId, ct)));
            }, WorkflowId);
        }

        /// <summary>DER as is; the CERTIFICATE block of a PEM file (or the first block, or base64 text) decoded.</summary>
        private static byte[] ReadCertificate(string file)
        {
            var data = File.ReadAllBytes(file);
            if (data.Length == 0) throw new ArgumentException($"Path: the certificate file {file} is empty.");
            if (data[0] == 0x30) return data;
            var text = Encoding.UTF8.GetString(data);
            var begin = text.IndexOf(BeginCertificate, StringComparison.Ordinal);
            if (begin >= 0)
            {
                var end = text.IndexOf(EndCertificate, begin, StringComparison.Ordinal);
                if (end < 0) throw new ArgumentException($"Path: {file} has no {EndCertificate} line.");
                text = text.Substring(begin, end + EndCertificate.Length - begin);
            }
            return CmsEncoding.Decode(text);
        }
    }
}
