using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.ElectronicCertificates.Http;
using GosApi.Sandbox.ElectronicCertificates.Schema;

namespace GosApi.Sandbox.ElectronicCertificates.Operations;

/// <summary>GET ec-detailed-statement?cn=: 200 eCertificate (with usageTransactions when there are any); 404 EC00216 for a number the client does not own.</summary>
internal sealed class DetailedStatement(EcTaskRunner runner)
{
    public EcReply Read(EcCall call)
    {
        var cn = call.Query["cn"];
        if (cn.Count == 0) throw EcError.BadRequest("cn: the query parameter is required");
        if (cn.Count > 1) throw EcError.BadRequest("cn: the query parameter is given more than once");
        var number = cn[0] ?? "";
        try { EcSchemas.CertificateNumber.Validate(System.Text.Json.JsonSerializer.SerializeToElement(number), "cn"); }
        catch (SchemaViolation violation) { throw EcError.BadRequest(violation.Message); }

        var account = call.Account;
        lock (account.Gate)
        {
            runner.RunDue(account);
            if (!account.Certificates.TryGetValue(number, out var certificate))
                throw new EcError(StatusCodes.Status404NotFound, EcError.NotFound, $"cn: no certificate {number}");
            return new EcReply(StatusCodes.Status200OK, certificate.ToJson());
        }
    }
}
