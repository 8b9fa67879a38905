using System.Text.Json.Nodes;
using Org.BouncyCastle.X509;

namespace GosApi.Sandbox.Tests.Uc;

public sealed class UcFlowTests
{
    [Fact]
    public async Task Full_sequence_8_9_0_20_ends_ready_with_a_certificate_for_the_request_key()
    {
        await using var api = await UcApi.StartAsync();
        var id = await api.CreateAsync(UcApi.Person());
        Assert.Contains(await api.StatusAsync(id), new[] { 22, 1 });
        await api.WaitStatusAsync(id, 1);

        var archive = UcApi.PersonArchive();
        var employee = api.Signer();
        await api.AttachOkAsync(id, 8, archive, "documents.zip");
        Assert.Equal(1, await api.StatusAsync(id));
        await api.AttachOkAsync(id, 9, UcApi.SignDetached(employee, archive), "documents.zip.sig");
        Assert.Contains(await api.StatusAsync(id), new[] { 22, 2 });
        await api.WaitStatusAsync(id, 2);

        var applicantKey = api.Signer();
        var pkcs10 = UcApi.Pkcs10(applicantKey);
        await api.AttachOkAsync(id, 0, pkcs10, "request.p10");
        Assert.Contains(await api.StatusAsync(id), new[] { 22, 3 });
        await api.WaitStatusAsync(id, 3);
        await api.AttachOkAsync(id, 20, UcApi.SignAttached(employee, pkcs10), "request.sgn");
        Assert.Contains(await api.StatusAsync(id), new[] { 3, 4 });
        await api.WaitStatusAsync(id, 4);

        var result = (await api.OkAsync("request/result", new JsonObject { ["requestId"] = id })).AsArray();
        var cer = result.Single(f => f!["type"]?.GetValue<int>() == 7)!;
        Assert.Equal($"Петров_cert_{id}.cer", cer["name"]!.GetValue<string>());
        Assert.Equal("application/octet-stream", cer["mimeType"]!.GetValue<string>());
        var certificate = new X509Certificate(Convert.FromBase64String(cer["contentBase64"]!.GetValue<string>()));
        certificate.Verify(new X509Certificate(api.Server.EsiaCaCertificate).GetPublicKey());
        var request = new Org.BouncyCastle.Pkcs.Pkcs10CertificationRequest(pkcs10);
        Assert.Equal(request.GetCertificationRequestInfo().SubjectPublicKeyInfo.GetEncoded(), certificate.CertificateStructure.SubjectPublicKeyInfo.GetEncoded());
        Assert.True(certificate.SubjectDN.Equivalent(request.GetCertificationRequestInfo().Subject, true));
        Assert.Contains(result, f => f!["type"]?.GetValue<int>() == 6 && f["mimeType"]!.GetValue<string>() == "application/pdf");
        var license = result.Single(f => f!["licenseType"] is not null)!;
        Assert.Equal(10, license["licenseType"]!.GetValue<int>());
        Assert.Null(license["type"]);

        var attachments = api.Server.UcAttachments(id);
        Assert.Equal([8, 9, 0, 20], attachments.Select(a => a.FileType));
        Assert.Equal("documents.zip", attachments[0].FileName);
        Assert.Equal(archive.Length, attachments[0].Size);
    }

    [Fact]
    public async Task Pem_request_and_pem_text_of_the_signed_request_are_accepted()
    {
        await using var api = await UcApi.StartAsync(clockSpeed: 30); // issuing takes 2 s real time: room for the repeats
        var id = await api.CreateReadyAsync(UcApi.Person());
        var archive = UcApi.PersonArchive();
        var employee = api.Signer();
        await api.AttachOkAsync(id, 8, archive);
        await api.AttachOkAsync(id, 9, Encoding.ASCII.GetBytes(UcApi.Pem("CMS", UcApi.SignDetached(employee, archive))));
        await api.WaitStatusAsync(id, 2);
        var pkcs10 = UcApi.Pkcs10(api.Signer());
        await api.AttachOkAsync(id, 0, Encoding.ASCII.GetBytes(UcApi.Pem("CERTIFICATE REQUEST", pkcs10)));
        await api.WaitStatusAsync(id, 3);
        var signed = UcApi.SignAttached(employee, pkcs10);
        await api.AttachOkAsync(id, 20, Encoding.ASCII.GetBytes(Convert.ToBase64String(signed)));
        // the same file again (a retry after a lost answer) is accepted; another one is not
        await api.AttachOkAsync(id, 20, signed);
        Assert.Contains("уже загружен", await api.AttachFailAsync(id, 20, UcApi.SignAttached(api.Signer(), pkcs10)));
        await api.WaitStatusAsync(id, 4);
    }
}
