using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Signers;
using GosApi.Diagnostics;
using GosApi.Errors;
using GosApi.Uc.Models;
using GosApi.Validation;

namespace GosApi.Uc
{
    /// <summary>What Submit-UcRequest needs.</summary>
    public sealed class UcSubmissionOptions
    {
        /// <summary>An existing request to continue; null creates one from <see cref="Info"/>.</summary>
        public long? RequestId { get; set; }
        public UcRequestInfo? Info { get; set; }
        /// <summary>The scans; or <see cref="ArchivePath"/> for a ready archive.</summary>
        public IReadOnlyList<string> ScanPaths { get; set; } = Array.Empty<string>();
        public string? ArchivePath { get; set; }
        /// <summary>The УЦ operator who signs the archive (type 9) and the PKCS#10 (type 20).</summary>
        public IGostSigner Operator { get; set; } = null!;
        /// <summary>Where the applicant's new private key is written (encrypted PKCS#8 PEM); the request, archive and journal go next to it.</summary>
        public string KeyPath { get; set; } = null!;
        public string KeyPassword { get; set; } = null!;
        public GostParameterSet ParameterSet { get; set; } = GostParameterSet.CryptoProA;
        /// <summary>Where request/result's files are saved once the certificate is issued; null: do not wait for it.</summary>
        public string? Destination { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
        public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);
    }

    /// <summary>A step of the primary issue, as progress and results name it.</summary>
    public sealed class UcSubmissionStep
    {
        internal UcSubmissionStep(long requestId, string step, string description, bool skipped) { RequestId = requestId; Step = step; Description = description; Skipped = skipped; }
        public long RequestId { get; }
        /// <summary>create, archive (8), signature (9), request (0), signed-request (20), issued, result.</summary>
        public string Step { get; }
        public string Description { get; }
        /// <summary>Done before (by an earlier run): not repeated.</summary>
        public bool Skipped { get; }
        public override string ToString() => $"{RequestId} {Step}: {Description}" + (Skipped ? " (done before)" : string.Empty);
    }

    /// <summary>The outcome of Submit-UcRequest.</summary>
    public sealed class UcSubmissionResult
    {
        public long RequestId { get; internal set; }
        public UcRequestStatus Status { get; internal set; }
        public string StatusMeaning => UcMeanings.Of(Status);
        public string? KeyPath { get; internal set; }
        public string? RequestPath { get; internal set; }
        public string? CertificatePath { get; internal set; }
        public IReadOnlyList<string> SavedFiles { get; internal set; } = Array.Empty<string>();
        /// <summary>The issued certificate's public key is the generated one.</summary>
        public bool? KeyMatchesCertificate { get; internal set; }
        public IReadOnlyList<UcSubmissionStep> Steps { get; internal set; } = Array.Empty<UcSubmissionStep>();
        public override string ToString() => $"request {RequestId}: {StatusMeaning}" + (CertificatePath == null ? string.Empty : " → " + CertificatePath);
    }

    /// <summary>
    /// The whole primary issue (seed 004 §6): create → archive (8) → its signature (9) → key and PKCS#10 (0) → the
    /// PKCS#10 signed by the УЦ operator (20) → issued certificate, waiting out status 22 between steps. Resumable:
    /// the status and the journal tell which steps are done.
    /// </summary>
    public sealed class UcSubmission
    {
        private readonly UcClient client;
        private readonly UcSubmissionOptions options;
        private readonly IProgress<UcSubmissionStep>? progress;
        private readonly List<UcSubmissionStep> steps = new List<UcSubmissionStep>();
        private string? journalKeyPath;

        public UcSubmission(UcClient client, UcSubmissionOptions options, IProgress<UcSubmissionStep>? progress = null)
        {
            this.client = client;
            this.options = options;
            this.progress = progress;
        }

        /// <summary>Checks everything that can be checked before any request.</summary>
        public void Validate(UcApplicantType type)
        {
            var result = new ValidationResult();
            if (options.Operator == null) result.Add("Operator", null, "is required: the УЦ operator's signer signs the archive and the request");
            if (string.IsNullOrWhiteSpace(options.KeyPath)) result.Add("KeyPath", null, "is required: where the new private key is written");
            if (string.IsNullOrEmpty(options.KeyPassword)) result.Add("KeyPassword", null, "is required: the key is written encrypted");
            if (!options.RequestId.HasValue && options.Info == null) result.Add("RequestId", null, "give an existing request id or the data of a new request");
            if (options.ArchivePath == null)
            {
                if (options.ScanPaths.Count > 0) result.Add(UcArchive.Check(options.ScanPaths.Select(Path.GetFileName).ToList()!, type));
                foreach (var missing in options.ScanPaths.Where(p => !File.Exists(p))) result.Add("ScanPath", missing, "not found");
            }
            else if (!File.Exists(options.ArchivePath)) result.Add("ArchivePath", options.ArchivePath, "not found");
            else result.Add(UcArchive.Check(UcArchive.NamesIn(options.ArchivePath), type));
            result.ThrowIfInvalid();
        }

        /// <summary><paramref name="onCreated"/> learns a new request id at once, so it is never lost.</summary>
        public async Task<UcSubmissionResult> RunAsync(Action<long>? onCreated = null, CancellationToken cancellationToken = default)
        {
            var requestId = options.RequestId ?? 0;
            var type = options.Info?.Type ?? UcApplicantType.Person;
            try
            {
                UcRequest? view = null;
                if (requestId == 0)
                {
                    Validate(type);
                    requestId = await client.CreateRequestAsync(options.Info!, cancellationToken).ConfigureAwait(false);
                    onCreated?.Invoke(requestId);
                    Report(requestId, "create", "request created", skipped: false);
                }
                else
                {
                    await WaitOutProcessingAsync(requestId, cancellationToken).ConfigureAwait(false);
                    view = await client.ViewRequestAsync(requestId, cancellationToken).ConfigureAwait(false);
                    type = view.Info.Type;
                    Validate(type);
                }
                var directory = Path.GetDirectoryName(Path.GetFullPath(options.KeyPath))!;
                Directory.CreateDirectory(directory);
                var journalPath = UcJournal.PathFor(directory, requestId);
                var journal = UcJournal.Load(journalPath, requestId);
                var status = await WaitOutProcessingAsync(requestId, cancellationToken).ConfigureAwait(false);
                view ??= await client.ViewRequestAsync(requestId, cancellationToken).ConfigureAwait(false);

                if (status == UcRequestStatus.SendingDocuments)
                {
                    view = await WaitForFnsCheckAsync(requestId, view, cancellationToken).ConfigureAwait(false);
                    var archive = PrepareArchive(directory, requestId, type, view.FnsCertificateCheck == UcFnsCertificateCheck.Found);
                    var sha = Sha256(archive);
                    if (journal.Has("archive") && journal.ArchiveSha256 == sha) Report(requestId, "archive", "archive attached (type 8)", skipped: true);
                    else
                    {
                        await client.AttachFileAsync(requestId, UcFileType.DocumentsArchive, archive, Path.GetFileName(archive), cancellationToken).ConfigureAwait(false);
                        journal.ArchiveSha256 = sha;
                        journal.ArchivePath = archive;
                        journal.Mark("archive", journalPath);
                        Report(requestId, "archive", "archive attached (type 8)", skipped: false);
                    }
                    var signature = archive + ".sig";
                    using (var content = File.OpenRead(archive))
                        File.WriteAllBytes(signature, await options.Operator.SignDetachedAsync(content, null, cancellationToken).ConfigureAwait(false));
                    await client.AttachFileAsync(requestId, UcFileType.ArchiveSignature, signature, Path.GetFileName(signature), cancellationToken).ConfigureAwait(false);
                    journal.Mark("signature", journalPath);
                    Report(requestId, "signature", "archive signature attached (type 9)", skipped: false);
                    status = await WaitOutProcessingAsync(requestId, cancellationToken).ConfigureAwait(false);
                }
                else if (IsAtOrAfter(status, UcRequestStatus.GeneratingRequest))
                {
                    Report(requestId, "archive", "archive attached (type 8)", skipped: true);
                    Report(requestId, "signature", "archive signature attached (type 9)", skipped: true);
                }

                var requestPath = Path.Combine(directory, requestId + ".p10");
                if (status == UcRequestStatus.GeneratingRequest)
                {
                    journalKeyPath = journal.KeyPath;
                    var request = GenerateRequest(view.Info, requestPath);
                    // Remembered before the upload: a re-run after a failed upload may replace this key, never another one.
                    journal.RequestPath = requestPath;
                    journal.KeyPath = Path.GetFullPath(options.KeyPath);
                    journal.Mark("key", journalPath);
                    await client.AttachFileAsync(requestId, UcFileType.CertificateRequest, requestPath, "request.p10", cancellationToken).ConfigureAwait(false);
                    journal.Mark("request", journalPath);
                    Report(requestId, "request", $"key generated ({request.ParameterSet}), PKCS#10 attached (type 0)", skipped: false);
                    status = await WaitOutProcessingAsync(requestId, cancellationToken).ConfigureAwait(false);
                }
                else if (IsAtOrAfter(status, UcRequestStatus.Issuing)) Report(requestId, "request", "PKCS#10 attached (type 0)", skipped: true);

                if (status == UcRequestStatus.Issuing && !journal.Has("signed-request"))
                {
                    if (!File.Exists(requestPath))
                        throw new GosApiException(GosApiService.Uc, GosApiErrorKind.NotAllowedInCurrentState, $"request {requestId} is in «Выпуск» but {requestPath} is missing: the signed PKCS#10 (type 20) must be the one sent as type 0")
                        {
                            Hint = "Run Submit-UcRequest with the -KeyPath of the run that generated the key.",
                        };
                    var signedPath = Path.Combine(directory, requestId + ".sgn");
                    using (var content = File.OpenRead(requestPath))
                        File.WriteAllBytes(signedPath, await options.Operator.SignAttachedAsync(content, null, cancellationToken).ConfigureAwait(false));
                    await client.AttachFileAsync(requestId, UcFileType.SignedCertificateRequest, signedPath, "request.sgn", cancellationToken).ConfigureAwait(false);
                    journal.Mark("signed-request", journalPath);
                    Report(requestId, "signed-request", "PKCS#10 signed by the УЦ operator attached (type 20)", skipped: false);
                }
                else if (journal.Has("signed-request") || status == UcRequestStatus.Ready) Report(requestId, "signed-request", "signed PKCS#10 attached (type 20)", skipped: true);

                var result = new UcSubmissionResult { RequestId = requestId, KeyPath = Path.GetFullPath(options.KeyPath), RequestPath = File.Exists(requestPath) ? requestPath : null };
                if (options.Destination != null)
                {
                    var (final, timedOut) = await client.WaitAsync(requestId, new[] { UcRequestStatus.Ready, UcRequestStatus.Refused }, options.Timeout, options.PollingInterval, null, cancellationToken).ConfigureAwait(false);
                    if (timedOut) throw Timeout(requestId, final);
                    status = final.Status;
                    if (status == UcRequestStatus.Ready) await SaveResultAsync(requestId, result, cancellationToken).ConfigureAwait(false);
                }
                else status = (await client.GetStatusAsync(requestId, cancellationToken).ConfigureAwait(false)).Status;
                result.Status = status;
                result.Steps = steps.ToArray();
                return result;
            }
            catch (GosApiException ex) when (requestId != 0 && (ex.EntityId == null || ex.Hint == null || ex.Hint.IndexOf("Submit-UcRequest", StringComparison.Ordinal) < 0))
            {
                // Always name the request; add the advice unless the error already gives its own (timeout, missing PKCS#10).
                var advised = ex.Hint != null && ex.Hint.IndexOf("Submit-UcRequest", StringComparison.Ordinal) >= 0;
                throw ex.WithEntityId("request " + requestId, advised ? null : $"УЦ request {requestId} exists; run Submit-UcRequest -RequestId {requestId} again to continue from the first step not done.");
            }
        }

        /// <summary>
        /// The FNS check (checkCertInFNSStatus 1 «Отправлена проверка») decides whether the archive needs the Отзыв
        /// scan: wait for its outcome before building the archive.
        /// </summary>
        private async Task<UcRequest> WaitForFnsCheckAsync(long requestId, UcRequest view, CancellationToken cancellationToken)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (view.FnsCertificateCheck == UcFnsCertificateCheck.Sent)
            {
                if (clock.Elapsed > options.Timeout) throw Timeout(requestId, new UcStatusEntry { RequestId = requestId, Status = view.Status, StatusId = view.StatusId });
                await Task.Delay(options.PollingInterval, cancellationToken).ConfigureAwait(false);
                view = await client.ViewRequestAsync(requestId, cancellationToken).ConfigureAwait(false);
            }
            return view;
        }

        private string PrepareArchive(string directory, long requestId, UcApplicantType type, bool needsRevocation)
        {
            if (options.ArchivePath != null)
            {
                UcArchive.Check(UcArchive.NamesIn(options.ArchivePath), type, needsRevocation).ThrowIfInvalid();
                return Path.GetFullPath(options.ArchivePath);
            }
            if (options.ScanPaths.Count == 0) new ValidationError("ScanPath", null, "give the scans (or -ArchivePath) for the documents archive").Throw();
            var archive = Path.Combine(directory, requestId + ".documents.zip");
            UcArchive.Build(options.ScanPaths, archive, type, needsRevocation);
            return archive;
        }

        private GostCertificateRequest GenerateRequest(UcRequestInfo info, string requestPath)
        {
            var keyPath = Path.GetFullPath(options.KeyPath);
            var journalKey = journalKeyPath;
            if (File.Exists(keyPath) && !string.Equals(journalKey, keyPath, StringComparison.Ordinal))
                new ValidationError("KeyPath", keyPath, "exists and is not this request's: choose another path (an existing key is never overwritten)").Throw();
            var key = GostPrivateKey.Generate(options.ParameterSet);
            var builder = new GostCertificateRequestBuilder
            {
                Subject = UcSubject.From(info),
                ParameterSet = options.ParameterSet,
                IdentificationKind = info.IdentificationKind == 1 ? GostIdentificationKind.RemoteWithQualifiedSignature : GostIdentificationKind.Personal,
            };
            var request = builder.Build(key);
            // The key first: a request sent without its key on disk could never be used.
            var temp = keyPath + ".tmp";
            File.WriteAllText(temp, key.ExportEncryptedPkcs8Pem(options.KeyPassword));
            if (File.Exists(keyPath)) File.Delete(keyPath);
            File.Move(temp, keyPath);
            File.WriteAllBytes(requestPath, request.RawData);
            return request;
        }

        private async Task SaveResultAsync(long requestId, UcSubmissionResult result, CancellationToken cancellationToken)
        {
            var files = await client.GetResultAsync(requestId, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(options.Destination!);
            var saved = new List<string>();
            foreach (var file in files)
            {
                var path = Path.Combine(options.Destination!, UcFiles.SafeName(file.Name));
                File.WriteAllBytes(path, file.Content);
                saved.Add(path);
                if (file.Type == 7)
                {
                    result.CertificatePath = path;
                    var key = GostPrivateKey.ImportPem(File.ReadAllText(options.KeyPath), options.KeyPassword);
                    result.KeyMatchesCertificate = key.Matches(GostCertificate.Load(file.Content));
                }
            }
            result.SavedFiles = saved;
            Report(requestId, "result", $"certificate issued; {saved.Count} files saved to {options.Destination}", skipped: false);
        }

        private async Task<UcRequestStatus> WaitOutProcessingAsync(long requestId, CancellationToken cancellationToken)
        {
            var (status, timedOut) = await client.WaitAsync(requestId, null, options.Timeout, options.PollingInterval, null, cancellationToken).ConfigureAwait(false);
            if (timedOut) throw Timeout(requestId, status);
            if (status.Status == UcRequestStatus.NoData)
                throw new GosApiException(GosApiService.Uc, GosApiErrorKind.NotFound, $"request {requestId}: no data (unknown or not yours)");
            if (status.Status == UcRequestStatus.Refused)
                throw new GosApiException(GosApiService.Uc, GosApiErrorKind.NotAllowedInCurrentState, $"request {requestId} was refused (status 5 «Отказ»)") { Hint = "See the reason with Get-UcRequest -RequestId " + requestId + " (Comment)." };
            return status.Status;
        }

        private static GosApiException Timeout(long requestId, UcStatusEntry status) =>
            new GosApiException(GosApiService.Uc, GosApiErrorKind.Timeout, $"request {requestId} is still in status {status.StatusId} «{status.Meaning}»")
            {
                ApiCode = "WaitTimeout",
                Hint = "Run Submit-UcRequest -RequestId " + requestId + " again later; it continues where it stopped.",
            };

        private static bool IsAtOrAfter(UcRequestStatus status, UcRequestStatus step) =>
            step == UcRequestStatus.GeneratingRequest
                ? status == UcRequestStatus.GeneratingRequest || status == UcRequestStatus.Issuing || status == UcRequestStatus.Ready || status == UcRequestStatus.Moderation
                : status == UcRequestStatus.Issuing || status == UcRequestStatus.Ready || status == UcRequestStatus.Moderation;

        private void Report(long requestId, string step, string description, bool skipped)
        {
            var item = new UcSubmissionStep(requestId, step, description, skipped);
            steps.Add(item);
            OperationScope.Verbose("УЦ " + item);
            progress?.Report(item);
        }

        private static string Sha256(string path)
        {
            using var sha = SHA256.Create();
            using var stream = File.OpenRead(path);
            return BitConverter.ToString(sha.ComputeHash(stream)).Replace("-", string.Empty);
        }
    }

    /// <summary>File names from the service made safe for the local disk.</summary>
    public static class UcFiles
    {
        public static string SafeName(string name) => IO.LocalFileName.From(name);
    }

    /// <summary>The certificate subject for a request's applicant (the fields a qualified certificate carries).</summary>
    public static class UcSubject
    {
        public static GostSubject From(UcRequestInfo info)
        {
            var subject = new GostSubject
            {
                Country = "RU",
                Surname = info.LastName,
                GivenName = string.Join(" ", new[] { info.FirstName, info.MiddleName }.Where(p => !string.IsNullOrWhiteSpace(p))),
                Snils = info.Snils,
                Locality = info.City,
                Email = info.Email,
            };
            switch (info.Type)
            {
                case UcApplicantType.LegalEntity:
                    subject.CommonName = info.Company ?? info.FullName;
                    subject.Organization = info.Company;
                    subject.Title = info.Position;
                    subject.InnLe = info.Inn;
                    subject.Inn = info.PersonInn;
                    subject.Ogrn = info.Ogrn;
                    break;
                case UcApplicantType.Entrepreneur:
                    subject.CommonName = info.FullName;
                    subject.Inn = info.Inn;
                    subject.Ogrnip = info.Ogrnip;
                    break;
                default:
                    subject.CommonName = info.FullName;
                    subject.Inn = info.Inn;
                    break;
            }
            return subject;
        }
    }
}
