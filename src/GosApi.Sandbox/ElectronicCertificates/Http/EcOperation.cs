using GosApi.Sandbox.ElectronicCertificates.Schema;

namespace GosApi.Sandbox.ElectronicCertificates.Http;

/// <summary>One route of the service: its method, the schema of its JSON body (null: no body, a GET) and its handler.</summary>
internal sealed record EcOperation(string Path, string Method, SchemaNode? BodySchema, Func<EcCall, EcReply> Handle);
