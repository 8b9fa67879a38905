using GosApi.Sandbox.ElectronicCertificates.Domain;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>Generic errors on ИС ЭС paths (injected Status/TooManyRequests faults, unhandled exceptions) in the service's shape, signed when the x-api-key is known.</summary>
internal sealed class EcErrorFormatter(EcClientRegistry clients) : IApiErrorFormatter
{
    public bool Handles(HttpContext context) => EcPaths.IsEc(context.Request.Path);

    public Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        var key = context.Request.Headers["x-api-key"];
        var account = key.Count == 1 ? clients.Find(key[0]) : null;
        var reply = new EcReply(statusCode, EcError.Body(EcError.CodeFor(statusCode), message));
        return EcResponseWriter.WriteAsync(context, reply, EcRequestGate.CorrelationId(context.Request), account?.Client.SharedSecret);
    }
}
