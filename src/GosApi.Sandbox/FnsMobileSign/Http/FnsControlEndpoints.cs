using System.Text.Json.Nodes;
using GosApi.Sandbox.FnsMobileSign.Callbacks;
using GosApi.Sandbox.FnsMobileSign.Domain;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.FnsMobileSign.Http;

/// <summary>/sandbox/fns/*: partners, token expiry, ready consumers, forced outcomes, callback log. No auth.</summary>
internal static class FnsControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(SandboxPaths.ControlPrefix + "/fns");
        control.MapPost("/partners", async (HttpRequest request, FnsPartnerRegistry registry) =>
        {
            var body = await FnsBody.ReadAsync(request);
            var partner = registry.Register(FnsBody.Text(body["username"]), FnsBody.Text(body["password"]));
            return Results.Json(new { username = partner.Username, password = partner.Password });
        });
        control.MapPost("/tokens/expire", (FnsPartnerRegistry registry) =>
        {
            registry.ExpireTokens();
            return Results.NoContent();
        });
        control.MapPost("/consumers", async (HttpRequest request, FnsHooks hooks) =>
        {
            var body = await FnsBody.ReadAsync(request);
            var partner = FnsBody.Text(body["partner"]) ?? throw ApiException.BadRequest("partner: the partner's username is required");
            var inns = body["legal_entity_inns"] is JsonArray list ? list.Select(FnsBody.Text).OfType<string>().ToList() : null;
            try
            {
                var consumer = hooks.RegisterConsumer(partner, FnsBody.Text(body["inn"]), FnsBody.Text(body["phone"]), FnsBody.Text(body["snils"]),
                    FnsBody.Text(body["last_name"]) ?? "Иванов", FnsBody.Text(body["ogrnip"]), inns);
                return Results.Json(new { id = consumer.Id, inn = consumer.Inn, phone = consumer.Phone, snils = consumer.Snils });
            }
            catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException) { throw ApiException.BadRequest(ex.Message); }
        });
        control.MapPost("/workflows/{id:long}/reject", (long id, FnsHooks hooks) => Hook(() => hooks.RejectSigning(id)));
        control.MapPost("/workflows/{id:long}/fail", async (long id, HttpRequest request, FnsHooks hooks) =>
        {
            var body = await FnsBody.ReadAsync(request);
            return Hook(() => hooks.Fail(id, FnsBody.Text(body["error_code"]) ?? "sandbox_error", FnsBody.Text(body["error_message"]) ?? "Ошибка"));
        });
        control.MapGet("/callbacks", (FnsCallbackQueue queue) => Results.Json(queue.Deliveries, SandboxJson.Options));
    }

    private static IResult Hook(Action action)
    {
        try { action(); }
        catch (KeyNotFoundException ex) { throw new ApiException(StatusCodes.Status404NotFound, "not_found", ex.Message); }
        catch (InvalidOperationException ex) { throw new ApiException(StatusCodes.Status409Conflict, "conflict", ex.Message); }
        return Results.NoContent();
    }
}
