using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GosApi.ElectronicCertificates;
using GosApi.ElectronicCertificates.Models;
using GosApi.Errors;
using GosApi.PowerShell.Infrastructure;
using GosApi.Validation;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>
    /// New-, Set- and Block-ElectronicCertificate: collect records from the pipeline, check every one, then send
    /// them in requests of at most 100. Nothing is sent while any record is invalid, unless -SkipInvalid.
    /// </summary>
    public abstract class RecordSubmissionCmdlet : ElectronicCertificateSessionCmdlet
    {
        private readonly List<(ElectronicCertificateRecord Record, long Index)> valid = new List<(ElectronicCertificateRecord, long)>();
        private long received;
        private int invalid;

        /// <summary>recordId within its request, 1..100; filled when absent.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? RecordId { get; set; }

        /// <summary>Send the valid records even when some are invalid.</summary>
        [Parameter]
        public SwitchParameter SkipInvalid { get; set; }

        /// <summary>Builds the record of the current pipeline input from the bound parameters.</summary>
        protected abstract ElectronicCertificateRecord BuildRecord(ValidationResult parseErrors);

        protected override void ProcessRecord()
        {
            var index = ++received;
            var parseErrors = new ValidationResult();
            var record = BuildRecord(parseErrors);
            record.RecordId = LooseInput.Int(parseErrors, "RecordId", RecordId);
            var result = new ValidationResult().Add(parseErrors);
            if (parseErrors.IsValid) result.Add(record.Validate());
            if (result.IsValid)
            {
                valid.Add((record, index));
                return;
            }
            invalid++;
            var error = new InputValidationException(result.Errors);
            var message = $"Input record {index}: {error.Message}";
            WriteError(new ErrorRecord(error, "ElectronicCertificate.InvalidRecord", ErrorCategory.InvalidArgument, index)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Correct the record; nothing is sent while a record is invalid unless -SkipInvalid is given." },
            });
        }

        protected override void EndProcessing()
        {
            if (invalid > 0 && !SkipInvalid)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InputValidationException(new ValidationError("InputObject", null, $"{invalid} of {received} records are invalid (see the errors above); nothing was sent")),
                    "ElectronicCertificate.InvalidInput", ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails($"{invalid} of {received} records are invalid (see the errors above); nothing was sent.")
                    {
                        RecommendedAction = "Correct the records, or add -SkipInvalid to send the valid ones.",
                    },
                });
            }
            var batches = Batches().ToList();
            var activity = $"Sending {valid.Count} records to {Path} in {batches.Count} requests";
            var sent = 0;
            try
            {
                foreach (var batch in batches)
                {
                    if (!ShouldProcess(batch.ToString(), Path)) continue;
                    WriteProgress(new ProgressRecord(1, activity, batch.ToString()) { PercentComplete = 100 * sent / Math.Max(1, batches.Count) });
                    IReadOnlyList<ElectronicCertificateRequestRecord> records;
                    try
                    {
                        records = Run(ct => Client.SubmitAsync(batch, ct));
                    }
                    catch (Exception ex) when (IsReportable(ex))
                    {
                        Terminate(Describe(ex, batch, sent, batches.Count), batch.ToString());
                        return;
                    }
                    sent++;
                    foreach (var record in records) WriteObject(record);
                }
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private string Path => valid.Count > 0 ? "ec-" + valid[0].Record.Operation.ToString().ToLowerInvariant() : "ec-request";

        private IEnumerable<RecordBatch> Batches()
        {
            var batcher = new RecordBatcher();
            foreach (var (record, index) in valid)
            {
                var full = batcher.Add(record, index);
                if (full != null) yield return full;
            }
            var last = batcher.Flush();
            if (last != null) yield return last;
        }

        /// <summary>The failure of one request, saying what was sent before it and what was not sent after it.</summary>
        private static Exception Describe(Exception ex, RecordBatch batch, int sentBefore, int total)
        {
            var advice = (sentBefore == 0 ? "No request was sent before it" : $"Requests 1–{sentBefore} were accepted and their records were output with task ids")
                + (batch.Number < total ? $"; requests {batch.Number + 1}–{total} were not sent." : ".");
            return ex is GosApiException api ? api.WithEntityId(batch.ToString(), advice) : ex;
        }
    }
}
