using System.Text.Json.Nodes;

namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>What an operation answers: a status and a JSON or text body; <see cref="CorrelationId"/> overrides the request id (queued tasks).</summary>
internal sealed record EcReply(int StatusCode, JsonNode? Json = null, string? Text = null, string? CorrelationId = null)
{
    public static EcReply Queued(string taskId) => new(StatusCodes.Status201Created, Text: "REQUEST_IS_QUEUED", CorrelationId: taskId);

    public static EcReply Error(EcError error) => new(error.StatusCode, EcError.Body(error.Code, error.Message));
}
