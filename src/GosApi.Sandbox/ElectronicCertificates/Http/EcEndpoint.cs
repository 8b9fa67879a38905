using GosApi.Sandbox.ElectronicCertificates.Domain;

namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>Runs one ИС ЭС request: gate checks, the operation, then the signed answer (errors included).</summary>
internal sealed class EcEndpoint(EcRequestGate gate)
{
    /// <param name="operation">Null for a path under the base that names no operation (404 EC00203).</param>
    public async Task HandleAsync(HttpContext context, EcOperation? operation)
    {
        var correlationId = EcRequestGate.CorrelationId(context.Request);
        EcAccount? account = null;
        EcReply reply;
        string? secret = null;
        try
        {
            account = gate.Authenticate(context.Request);
            secret = account.Client.SharedSecret;
            if (operation is null)
                throw new EcError(StatusCodes.Status404NotFound, EcError.WrongRequestType, $"{context.Request.Path}: no such operation");
            if (!HttpMethods.Equals(context.Request.Method, operation.Method))
                throw new EcError(StatusCodes.Status405MethodNotAllowed, EcError.WrongRequestType, $"{operation.Path} takes {operation.Method}, not {context.Request.Method}");
            using var call = await gate.AdmitAsync(context.Request, account, operation);
            reply = operation.Handle(call);
        }
        catch (EcError error)
        {
            reply = EcReply.Error(error);
            if (!error.Signed) secret = null;
        }
        await EcResponseWriter.WriteAsync(context, reply, correlationId, secret);
    }
}
