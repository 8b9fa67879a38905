namespace GosApi.Sandbox.Tests.Support;

/// <summary>The {"code","message"} error body.</summary>
internal sealed record ApiError(string Code, string Message)
{
    public static async Task<ApiError> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return new ApiError(document.RootElement.GetProperty("code").GetString()!, document.RootElement.GetProperty("message").GetString()!);
    }

    /// <summary>Asserts status and code and returns the message for further checks.</summary>
    public static async Task<string> ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var error = await ReadAsync(response);
        Assert.Equal(code, error.Code);
        return error.Message;
    }
}
