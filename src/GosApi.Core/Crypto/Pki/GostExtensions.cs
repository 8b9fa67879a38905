using System;
using System.Collections.Generic;
using System.Linq;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace GosApi.Crypto.Pki
{
    /// <summary>The extension choices shared by request and certificate builders.</summary>
    internal static class GostExtensions
    {
        internal static void ValidateOid(string oid, string field)
        {
            if (string.IsNullOrWhiteSpace(oid) || !DerObjectIdentifier.TryFromID(oid.Trim(), out _))
            {
                throw new GosApi.Validation.InputValidationException(new GosApi.Validation.ValidationError(field, oid, "must be an OID such as 1.3.6.1.5.5.7.3.2"));
            }
        }

        internal static void Add(
            X509ExtensionsGenerator generator,
            GostKeyUsage keyUsage,
            IEnumerable<string> extendedKeyUsage,
            GostIdentificationKind? identificationKind,
            string? subjectSignTool,
            IEnumerable<string> policies,
            IEnumerable<(string Oid, bool Critical, byte[] Value)> custom)
        {
            var customList = custom.ToList();
            bool Overridden(DerObjectIdentifier oid) => customList.Any(c => c.Oid == oid.Id);

            if (keyUsage != GostKeyUsage.None && !Overridden(X509Extensions.KeyUsage))
            {
                generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage((int)keyUsage));
            }
            var eku = extendedKeyUsage.Select(o => o.Trim()).Distinct().ToList();
            foreach (var oid in eku) ValidateOid(oid, "ExtendedKeyUsage");
            if (eku.Count > 0 && !Overridden(X509Extensions.ExtendedKeyUsage))
            {
                generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new DerSequence(eku.Select(o => (Asn1Encodable)new DerObjectIdentifier(o)).ToArray()));
            }
            if (identificationKind.HasValue)
            {
                var value = (int)identificationKind.Value;
                if (value < 0 || value > 3)
                {
                    throw new GosApi.Validation.InputValidationException(new GosApi.Validation.ValidationError("IdentificationKind", value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 0, 1, 2 or 3"));
                }
                generator.AddExtension(new DerObjectIdentifier(GostOids.IdentificationKind), false, new DerInteger(value));
            }
            if (!string.IsNullOrWhiteSpace(subjectSignTool))
            {
                generator.AddExtension(new DerObjectIdentifier(GostOids.SubjectSignTool), false, new DerUtf8String(subjectSignTool!.Trim()));
            }
            var policyList = policies.Select(o => o.Trim()).Distinct().ToList();
            foreach (var oid in policyList) ValidateOid(oid, "CertificatePolicies");
            if (policyList.Count > 0 && !Overridden(X509Extensions.CertificatePolicies))
            {
                generator.AddExtension(X509Extensions.CertificatePolicies, false, new DerSequence(policyList.Select(o => (Asn1Encodable)new PolicyInformation(new DerObjectIdentifier(o))).ToArray()));
            }
            foreach (var (oid, critical, value) in customList)
            {
                try
                {
                    Asn1Object.FromByteArray(value);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is ArgumentException)
                {
                    throw new GosApi.Validation.InputValidationException(new GosApi.Validation.ValidationError("Extension " + oid, null, "the value must be DER: " + ex.Message));
                }
                generator.AddExtension(new DerObjectIdentifier(oid), critical, value);
            }
        }

        internal static (string, bool, byte[]) Custom(string oid, bool critical, byte[] derValue)
        {
            ValidateOid(oid, "Extension");
            if (derValue is null) throw new ArgumentNullException(nameof(derValue));
            return (oid.Trim(), critical, (byte[])derValue.Clone());
        }
    }
}
