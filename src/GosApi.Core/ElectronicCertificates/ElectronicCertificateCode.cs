using System;

namespace GosApi.ElectronicCertificates
{
    /// <summary>A code from one of the spec's reference lists with its Russian meaning, e.g. ECSTACTV «Активный».</summary>
    public sealed class ElectronicCertificateCode : IEquatable<ElectronicCertificateCode>
    {
        public ElectronicCertificateCode(string code, string? meaning)
        {
            Code = code ?? throw new ArgumentNullException(nameof(code));
            Meaning = meaning ?? string.Empty;
        }

        /// <summary>The code exactly as the service sent it.</summary>
        public string Code { get; }

        /// <summary>The spec's meaning; empty for a code the spec does not list.</summary>
        public string Meaning { get; }

        public bool IsKnown => Meaning.Length > 0;

        public override string ToString() => IsKnown ? Code + " (" + Meaning + ")" : Code;

        public bool Equals(ElectronicCertificateCode? other) => other is not null && Code == other.Code;

        public override bool Equals(object? obj) => obj is ElectronicCertificateCode other ? Equals(other) : obj is string text && text == Code;

        public override int GetHashCode() => Code.GetHashCode();
    }
}
