using System.Management.Automation;
using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.Epgu.EpguScripts;

namespace GosApi.PowerShell.Tests.Epgu;

/// <summary>Bad input is rejected with the field and the rule before any request reaches the service.</summary>
public sealed class EpguInputTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture fx;
    private readonly TestFiles files = new();

    public EpguInputTests(SandboxFixture fx)
    {
        this.fx = fx;
        fx.Connect();
        fx.Sandbox.ClearRequests();
    }

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("New-EpguOrder -ServiceCode 10000092161 -TargetCode -1959599598 -Region 36", "Region 36: must be 11 digits, got 2")]
    [InlineData("New-EpguOrder -ServiceCode 10000092161 -TargetCode -1959599598 -Region 4500000000X", "Region 4500000000X: must contain digits only")]
    [InlineData("New-EpguOrder -ServiceCode 1000009216A -TargetCode -1959599598 -Region 45000000000", "ServiceCode 1000009216A: must contain digits only")]
    [InlineData("New-EpguOrder -ServiceCode 10000092161 -TargetCode 19-5 -Region 45000000000", "TargetCode 19-5: must be an integer")]
    [InlineData("Send-EpguPackage -Path ./missing.zip -ServiceCode 10000092161 -TargetCode -1959599598 -Region 45000000000", "file not found")]
    public void Rejected_before_any_request_with_field_and_rule(string command, string expected)
    {
        var result = fx.Engine.Invoke($"Set-Location $dir; {command}", new Dictionary<string, object> { ["dir"] = files.Root });

        var error = Assert.Single(result.AllErrors);
        Assert.StartsWith("Epgu.InvalidArgument,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(expected, error.ToString());
        Assert.Empty(fx.Sandbox.Requests);
    }

    [Fact]
    public void Every_broken_rule_of_a_record_is_reported_at_once()
    {
        var result = fx.Engine.Invoke("New-EpguOrder -ServiceCode X -TargetCode Y -Region 1");
        var text = Assert.Single(result.Errors).ToString();
        Assert.Contains("ServiceCode X", text);
        Assert.Contains("TargetCode Y", text);
        Assert.Contains("Region 1", text);
        Assert.Empty(fx.Sandbox.Requests);
    }

    [Fact]
    public void Empty_archive_is_rejected_before_any_request()
    {
        var empty = Path.Combine(files.Root, "empty.zip");
        File.WriteAllBytes(empty, Array.Empty<byte>());
        var result = fx.Engine.Invoke($"Send-EpguPackage -Path '{empty}' -ServiceCode {Service} -TargetCode {Target} -Region {Region}");
        Assert.Contains("the archive is empty", Assert.Single(result.Errors).ToString());
        Assert.Empty(fx.Sandbox.Requests);
    }

    [Fact]
    public void One_bad_item_in_a_pipeline_is_a_non_terminating_error_and_the_rest_go_on()
    {
        var result = fx.Engine.Invoke($@"
            @(
                [pscustomobject]@{{ ServiceCode = '{Service}'; TargetCode = '{Target}'; Region = '36' }}
                [pscustomobject]@{{ ServiceCode = '{Service}'; TargetCode = '{Target}'; Region = '{Region}' }}
            ) | New-EpguOrder");

        Assert.Single(result.Errors);
        Assert.Single(result.Output.OfType(OrderTypeName));
        Assert.Single(fx.Sandbox.Requests, r => r.Path == "/api/gusmev/order");
    }

    [Fact]
    public void Cmdlets_without_a_session_say_how_to_connect()
    {
        using var fresh = new ModuleHost();
        var result = fresh.Invoke("Get-EpguOrder -OrderId 1");
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("Epgu.NotConnected,GosApi.PowerShell.Epgu.GetEpguOrderCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-Epgu", error.ToString());
    }

    [Fact]
    public void Connect_rejects_a_relative_or_non_http_base_uri()
    {
        var result = fx.Engine.Invoke("Connect-Epgu -BaseUri 'ftp://example.org/' -AccessToken (ConvertTo-SecureString 'abcdefgh' -AsPlainText -Force)");
        var error = Assert.Single(result.AllErrors);
        Assert.Contains("BaseUri ftp://example.org/: must be an absolute http or https URI", error.ToString());
        fx.Connect();
    }
}
