using System;
using System.Collections.Generic;

namespace GosApi.Uc.Models
{
    /// <summary>A certificate request (заявка) as request/list and request/view show it.</summary>
    public sealed class UcRequest
    {
        public long RequestId { get; internal set; }
        public UcRequestStatus Status { get; internal set; }
        public int StatusId { get; internal set; }
        /// <summary>The status name as the service wrote it.</summary>
        public string? StatusName { get; internal set; }
        public string StatusMeaning => UcMeanings.Of(Status);
        public DateTime? CreateDate { get; internal set; }
        /// <summary>Comment of the request or the reason of a refusal.</summary>
        public string? Comment { get; internal set; }
        public UcRequestInfo Info { get; internal set; } = new UcRequestInfo();
        public UcFnsCertificateCheck? FnsCertificateCheck { get; internal set; }
        public string? FnsCertificateCheckMeaning => FnsCertificateCheck.HasValue ? UcMeanings.Of(FnsCertificateCheck.Value) : null;
        public IReadOnlyList<UcExistingCertificate> ExistingCertificatesInFns { get; internal set; } = Array.Empty<UcExistingCertificate>();
        public IReadOnlyList<UcSmevCheck> SmevChecks { get; internal set; } = Array.Empty<UcSmevCheck>();
        /// <summary>The "list" of the view answer: document types of the request (typeId, typeName).</summary>
        public IReadOnlyList<string> DocumentTypes { get; internal set; } = Array.Empty<string>();
        public string FullName => Info.FullName;
        public override string ToString() => $"{RequestId} {FullName}: {StatusId} {StatusMeaning}";

        /// <summary>A request just created: its id and data; the service keeps it in 22 «Обработка системы» for a while.</summary>
        public static UcRequest Created(long requestId, UcRequestInfo info) => new UcRequest
        {
            RequestId = requestId, Info = info, Status = UcRequestStatus.SystemProcessing, StatusId = (int)UcRequestStatus.SystemProcessing, CreateDate = DateTime.Now,
        };
    }

    /// <summary>A certificate of the applicant the FNS already has (existingCertsInFNS).</summary>
    public sealed class UcExistingCertificate
    {
        public string? SerialNumber { get; internal set; }
        public DateTime? Issued { get; internal set; }
        public override string ToString() => $"{SerialNumber} {Issued:dd.MM.yyyy}";
    }

    /// <summary>A СМЭВ check of the request's data (smevChecks).</summary>
    public sealed class UcSmevCheck
    {
        public int Status { get; internal set; }
        public string StatusMeaning => UcMeanings.SmevCheckStatuses.TryGetValue(Status, out var m) ? m : string.Empty;
        public int RequestType { get; internal set; }
        public string RequestTypeMeaning => UcMeanings.SmevCheckTypes.TryGetValue(RequestType, out var m) ? m : string.Empty;
        public string? Title { get; internal set; }
        public string? Comment { get; internal set; }
        public DateTimeOffset? LaunchDate { get; internal set; }
        public bool IsPassed => Status == 1;
        public bool IsFailed => Status == -1;
        public override string ToString() => $"{Title}: {StatusMeaning}";
    }

    /// <summary>One pair of request/status.</summary>
    public sealed class UcStatusEntry
    {
        public long RequestId { get; internal set; }
        public UcRequestStatus Status { get; internal set; }
        public int StatusId { get; internal set; }
        public string Meaning => UcMeanings.Of(Status);
        public bool IsFinal => Status == UcRequestStatus.Ready || Status == UcRequestStatus.Refused;
        public override string ToString() => $"{RequestId}: {StatusId} {Meaning}";
    }

    /// <summary>A product the organisation may order (products).</summary>
    public sealed class UcProduct
    {
        public int Id { get; internal set; }
        public string? Name { get; internal set; }
        public decimal? PricePerson { get; internal set; }
        public decimal? PriceEntrepreneur { get; internal set; }
        public decimal? PriceLegalEntity { get; internal set; }
        public IReadOnlyList<string> Oids { get; internal set; } = Array.Empty<string>();
        public IReadOnlyList<string> OidDescriptions { get; internal set; } = Array.Empty<string>();
        /// <summary>A product that must be in every request.</summary>
        public bool Required { get; internal set; }
        public IReadOnlyList<UcProduct> Subitems { get; internal set; } = Array.Empty<UcProduct>();
        public override string ToString() => $"{Id} {Name}";
    }

    /// <summary>A file of request/result or request/client_docs.</summary>
    public sealed class UcFile
    {
        public string Name { get; internal set; } = string.Empty;
        public byte[] Content { get; internal set; } = Array.Empty<byte>();
        public string? MimeType { get; internal set; }
        /// <summary>6 print form, 7 certificate (result); 1, 3, 17 (client_docs); null for a licence.</summary>
        public int? Type { get; internal set; }
        public int? LicenseType { get; internal set; }
        public string? LicenseName => LicenseType.HasValue && UcMeanings.LicenseTypes.TryGetValue(LicenseType.Value, out var n) ? n : null;
        public string Kind => LicenseType.HasValue ? "License" : Type switch { 7 => "Certificate", 6 => "PrintForm", 1 => "Application", 3 => "Bill", 17 => "ExtraDocuments", _ => "File" };
        public long Length => Content.LongLength;
        public override string ToString() => $"{Kind} {Name} ({Length} bytes)";
    }

    /// <summary>A valid certificate in the FNS register (fns/find).</summary>
    public sealed class UcFnsCertificate
    {
        public string? SerialNumber { get; internal set; }
        public DateTimeOffset? IssueDate { get; internal set; }
        /// <summary>revocationDate: the end of validity.</summary>
        public DateTimeOffset? NotAfter { get; internal set; }
        public string? CommonName { get; internal set; }
        public string? Inn { get; internal set; }
        public string? InnLe { get; internal set; }
        public string? Ogrn { get; internal set; }
        public string? OgrnIp { get; internal set; }
        public string? Snils { get; internal set; }
        public string? OrganizationName { get; internal set; }
        public string? SurName { get; internal set; }
        public string? GivenName { get; internal set; }
        public string? Status { get; internal set; }
        public string? RevocationReason { get; internal set; }
        public DateTimeOffset? DeferredRevocationDate { get; internal set; }
        public override string ToString() => $"{SerialNumber} {CommonName}";
    }
}
