namespace GosApi.Sandbox.ElectronicCertificates;

/// <summary>
/// A client system of the sandbox's ИС «Электронный сертификат»: its x-api-key and the shared secret both sides key
/// HMAC-SHA-512 with (x-jws-signature). Tasks and certificates belong to one client and are invisible to the others.
/// </summary>
public sealed record ElectronicCertificateClient(string ApiKey, string SharedSecret);

/// <summary>A purchase made with <see cref="SandboxServer.SimulateElectronicCertificatePurchase"/>: an OPTPPRCH usage transaction.</summary>
public sealed record ElectronicCertificatePurchase(long TransactionNumber, string CertificateNumber, string GoodsCode, int Quantity, long Amount, DateTimeOffset Timestamp);
