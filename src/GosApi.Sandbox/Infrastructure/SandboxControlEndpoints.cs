using System.Text.Json;

namespace GosApi.Sandbox.Infrastructure;

/// <summary>
/// /sandbox/* — control surface for out-of-process users (Pester against a standalone sandbox): faults, tokens,
/// recorded requests, health. No auth.
/// </summary>
internal static class SandboxControlEndpoints
{
    public static void MapSandboxControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(SandboxPaths.ControlPrefix);

        group.MapGet("/health", () => Results.Json(new { status = "ok" }, SandboxJson.Options));

        group.MapPost("/token", async (HttpRequest request, TokenIssuer issuer) =>
        {
            var dto = await ReadOptionalJsonAsync<TokenRequestDto>(request) ?? new TokenRequestDto();
            var token = dto.ToTokenRequest();
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = issuer.Issue(token),
                ["token_type"] = "Bearer",
                ["expires_in"] = (long)Math.Max(0, token.Lifetime.TotalSeconds),
            }, SandboxJson.Options);
        });

        group.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Rules, SandboxJson.Options));
        group.MapPost("/faults", async (HttpRequest request, FaultInjector faults) =>
        {
            var dto = await ReadOptionalJsonAsync<FaultRuleDto>(request)
                ?? throw ApiException.BadRequest("body: a JSON fault rule is required");
            var rule = dto.ToFaultRule();
            try { faults.Add(rule); }
            catch (ArgumentException ex) { throw ApiException.BadRequest(ex.Message); }
            return Results.Json(rule, SandboxJson.Options, statusCode: StatusCodes.Status201Created);
        });
        group.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        group.MapGet("/requests", (RequestRecorder recorder) => Results.Json(recorder.Snapshot(), SandboxJson.Options));
        group.MapDelete("/requests", (RequestRecorder recorder) =>
        {
            recorder.Clear();
            return Results.NoContent();
        });
    }

    internal static async Task<T?> ReadOptionalJsonAsync<T>(HttpRequest request) where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(text, SandboxJson.Options);
        }
        catch (JsonException ex)
        {
            throw ApiException.BadRequest("body: not valid JSON for this endpoint: " + ex.Message);
        }
    }

    private sealed class TokenRequestDto
    {
        public string? ClientId { get; set; }
        public string? OrgOid { get; set; }
        public string[]? Scopes { get; set; }
        /// <summary>Space-separated alternative to Scopes.</summary>
        public string? Scope { get; set; }
        public string? Permissions { get; set; }
        public double? LifetimeSeconds { get; set; }
        public string? Subject { get; set; }

        public TokenRequest ToTokenRequest()
        {
            var request = new TokenRequest();
            if (ClientId is not null) request.ClientId = ClientId;
            if (OrgOid is not null) request.OrgOid = OrgOid;
            if (Scopes is not null) request.Scopes = Scopes;
            else if (Scope is not null) request.Scopes = Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Permissions is not null) request.Permissions = Permissions;
            if (LifetimeSeconds is not null) request.Lifetime = TimeSpan.FromSeconds(LifetimeSeconds.Value);
            if (Subject is not null) request.Subject = Subject;
            return request;
        }
    }

    private sealed class FaultRuleDto
    {
        public string? PathPrefix { get; set; }
        public string? Method { get; set; }
        public FaultKind Kind { get; set; }
        public int? Count { get; set; }
        public int? SkipFirst { get; set; }
        public int? StatusCode { get; set; }
        public int? RetryAfterSeconds { get; set; }
        /// <summary>TimeSpan text, e.g. "00:00:02".</summary>
        public TimeSpan? Delay { get; set; }
        public double? DelayMilliseconds { get; set; }

        public FaultRule ToFaultRule()
        {
            var rule = new FaultRule { Kind = Kind };
            if (PathPrefix is not null) rule.PathPrefix = PathPrefix;
            rule.Method = Method;
            if (Count is not null) rule.Count = Count.Value;
            if (SkipFirst is not null) rule.SkipFirst = SkipFirst.Value;
            if (StatusCode is not null) rule.StatusCode = StatusCode.Value;
            if (RetryAfterSeconds is not null) rule.RetryAfterSeconds = RetryAfterSeconds.Value;
            if (Delay is not null) rule.Delay = Delay.Value;
            if (DelayMilliseconds is not null) rule.Delay = TimeSpan.FromMilliseconds(DelayMilliseconds.Value);
            return rule;
        }
    }
}
