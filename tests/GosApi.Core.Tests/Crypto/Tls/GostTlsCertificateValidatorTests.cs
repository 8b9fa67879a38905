using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using GosApi.Crypto.Pki;
using GosApi.Crypto.Tls;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Xunit;

namespace GosApi.Core.Tests.Crypto.Tls;

/// <summary>How a GOST server certificate is judged: chain to the given roots through what the server sent, time, usage and host name.</summary>
public sealed class GostTlsCertificateValidatorTests
{
    private static readonly GostCredential Root = GostCertificateBuilder.CreateTestCertificateAuthority("Validator Test Root");

    private static GostCertificate Server(Action<GostCertificateBuilder>? configure = null, GostCredential? issuer = null)
    {
        var builder = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "svc.example.ru" }, ParameterSet = GostParameterSet.Tc26256A };
        configure?.Invoke(builder);
        return builder.Issue(issuer ?? Root).Certificate;
    }

    private static void AltNames(GostCertificateBuilder builder, params GeneralName[] names) =>
        builder.AddExtension(X509Extensions.SubjectAlternativeName.Id, false, new GeneralNames(names).GetDerEncoded());

    private static X509Certificate2 X509(GostCertificate certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static string? Check(GostCertificate leaf, string host, IEnumerable<GostCertificate> roots, params GostCertificate[] sent)
    {
        using var chain = new X509Chain();
        foreach (var certificate in sent) chain.ChainPolicy.ExtraStore.Add(X509(certificate));
        return new GostTlsCertificateValidator(roots).Check(host, X509(leaf), chain, SslPolicyErrors.RemoteCertificateChainErrors);
    }

    [Fact]
    public void Chain_through_the_intermediate_the_server_sent_is_trusted()
    {
        var intermediate = new GostCertificateBuilder { Subject = new GostSubject { CommonName = "Validator Test Sub CA" }, IsCertificateAuthority = true }.Issue(Root);
        var leaf = Server(issuer: intermediate);
        Assert.Null(Check(leaf, "svc.example.ru", new[] { Root.Certificate }, leaf, intermediate.Certificate));
        // Without the intermediate the chain is partial.
        Assert.Contains("was not found", Check(leaf, "svc.example.ru", new[] { Root.Certificate }, leaf));
    }

    [Fact]
    public void Other_root_no_root_and_system_trust()
    {
        var leaf = Server();
        Assert.Contains("is not trusted", Check(leaf, "svc.example.ru", new[] { GostCertificateBuilder.CreateTestCertificateAuthority("Other").Certificate }));
        Assert.Contains("no trusted GOST root was given", Check(leaf, "svc.example.ru", Array.Empty<GostCertificate>()));
        // A certificate the system trusts needs no GOST root (e.g. Windows with CryptoPro and the root in its store).
        Assert.Null(new GostTlsCertificateValidator(Array.Empty<GostCertificate>()).Check("svc.example.ru", X509(leaf), null, SslPolicyErrors.None));
        Assert.Equal("The server sent no certificate.", new GostTlsCertificateValidator(new[] { Root.Certificate }).Check("x", null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void Extended_key_usage_must_allow_server_authentication()
    {
        var clientOnly = Server(b => b.ExtendedKeyUsage.Add("1.3.6.1.5.5.7.3.2"));
        Assert.Contains("serverAuth", Check(clientOnly, "svc.example.ru", new[] { Root.Certificate }));
        var server = Server(b => b.ExtendedKeyUsage.Add("1.3.6.1.5.5.7.3.1"));
        Assert.Null(Check(server, "svc.example.ru", new[] { Root.Certificate }));
    }

    [Theory]
    [InlineData("svc.example.ru", true)]
    [InlineData("SVC.Example.RU", true)]
    [InlineData("a.example.ru", true)]
    [InlineData("example.ru", false)]
    [InlineData("a.b.example.ru", false)]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.1.2.4", false)]
    [InlineData("other.ru", false)]
    public void Alternative_names_decide_and_the_common_name_is_then_ignored(string host, bool matches)
    {
        var leaf = Server(b => AltNames(b,
            new GeneralName(GeneralName.DnsName, "svc.example.ru"),
            new GeneralName(GeneralName.DnsName, "*.example.ru"),
            new GeneralName(GeneralName.IPAddress, new DerOctetString(new byte[] { 10, 1, 2, 3 })),
            new GeneralName(GeneralName.DnsName, "cn-is-ignored.ru")));
        Assert.Equal(matches, Check(leaf, host, new[] { Root.Certificate }) == null);
        Assert.NotNull(Check(Server(b => AltNames(b, new GeneralName(GeneralName.DnsName, "only.example.ru"))), "svc.example.ru", new[] { Root.Certificate }));
    }

    [Fact]
    public void Common_name_counts_only_without_alternative_names()
    {
        var leaf = Server();
        Assert.Null(Check(leaf, "svc.example.ru", new[] { Root.Certificate }));
        Assert.Contains("is for svc.example.ru, not for www.example.ru", Check(leaf, "www.example.ru", new[] { Root.Certificate }));
    }
}
