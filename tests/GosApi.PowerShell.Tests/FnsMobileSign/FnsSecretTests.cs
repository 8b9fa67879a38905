using System.Text;
using System.Text.RegularExpressions;
using GosApi.PowerShell.Tests.Infrastructure;
using static GosApi.PowerShell.Tests.FnsMobileSign.FnsWorkflowScripts;

namespace GosApi.PowerShell.Tests.FnsMobileSign;

/// <summary>The partner's password, its Basic header and the /api/rb/auth tokens never reach any stream or error.</summary>
public sealed class FnsSecretTests : IClassFixture<FnsFixture>, IDisposable
{
    /// <summary>The sandbox's token format (40 lowercase hex characters).</summary>
    private static readonly Regex TokenShape = new("[0-9a-f]{40}", RegexOptions.CultureInvariant);

    private readonly FnsFixture fx;
    private readonly TestFiles files = new();

    public FnsSecretTests(FnsFixture fx) => this.fx = fx;

    public void Dispose()
    {
        fx.ConnectFns();
        files.Dispose();
    }

    [Fact]
    public void A_full_flow_with_debug_verbose_failures_formatted_sessions_and_the_error_list_shows_no_secret()
    {
        var wrongPassword = "Wr0ng+<Пароль>" + Guid.NewGuid().ToString("N")[..6];
        var firstRequest = fx.Sandbox.Requests.Count;
        var result = fx.Engine.Invoke(Helpers + @"
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            $cred = New-Object pscredential($user, (ConvertTo-SecureString $pass -AsPlainText -Force))
            $bad = New-Object pscredential($user, (ConvertTo-SecureString $wrong -AsPlainText -Force))

            $s = Connect-FnsMobileSign -BaseUri $u -Credential $cred -RetryDelay 00:00:00.05 -PassThru
            $s | Format-List * -Force | Out-String
            $s | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            $s.ToString()

            $w = New-FnsWorkflow -Type DocumentSigning -ConsumerId $consumer -Path (New-Doc 'secret.txt')
            Invoke-RestMethod -Method Post -Uri ($u.AbsoluteUri + 'sandbox/fns/tokens/expire') | Out-Null
            Wait-State $w.Id 'complete' | Format-List * -Force | Out-String
            Get-FnsWorkflowDocument -WorkflowId $w.Id | Save-FnsDocument -Destination (Join-Path $dir 'out') | Out-String
            New-FnsWorkflow -Type Blank -ConsumerId (New-Guid).Guid
            Get-FnsWorkflow -Id 999999999
            New-FnsWorkflow -Simplified -Inn " + PersonInn + @" -Phone 79000000000 -Path (New-Doc 'n.txt')
            Connect-FnsMobileSign -BaseUri $u -Credential $bad

            $b = Connect-FnsMobileSign -BaseUri $u -Credential $cred -Authentication Basic -PassThru
            $b | Format-List * -Force | Out-String
            $b | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            Get-FnsWorkflow -Id $w.Id -Session $b | Out-String
            $badBasic = Connect-FnsMobileSign -BaseUri $u -Credential $bad -Authentication Basic -PassThru
            Get-FnsWorkflow -Id $w.Id -Session $badBasic

            $Error | ForEach-Object {
                $_ | Format-List * -Force | Out-String
                $_.Exception | Format-List * -Force | Out-String
                $_.Exception.InnerException | Format-List * -Force | Out-String
                $_.ErrorDetails | Format-List * -Force | Out-String
            }
        ", new Dictionary<string, object>
        {
            ["dir"] = files.Root, ["consumer"] = fx.Signer.Id, ["u"] = fx.Sandbox.BaseUri,
            ["user"] = fx.Partner.Username, ["pass"] = fx.Partner.Password, ["wrong"] = wrongPassword,
        });

        // The flow did what it should, so the text below covers successes, re-login and failures.
        Assert.Null(result.Terminating);
        var ids = result.AllErrors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
        Assert.Contains("FnsMobileSign.ValidationError", ids);
        Assert.Contains("FnsMobileSign.NotFound", ids);
        Assert.Equal(2, ids.Count(i => i == "FnsMobileSign.401"));
        Assert.Contains(ids, i => i is "FnsMobileSign.404" or "FnsMobileSign.NotFound");
        Assert.NotEmpty(result.Debug);
        Assert.Contains(result.Verbose, v => v.Contains("again", StringComparison.Ordinal)); // the re-login after the expiry

        var requests = fx.Sandbox.Requests.Skip(firstRequest).ToList();
        var tokens = requests.Select(r => r.Headers.TryGetValue("Authorization", out var h) ? h : "")
            .Where(h => h.StartsWith("token ", StringComparison.Ordinal)).Select(h => h["token ".Length..]).Distinct().ToList();
        Assert.True(tokens.Count >= 2, "a token before and after the expiry: " + tokens.Count);
        Assert.All(tokens, t => Assert.Matches("^[0-9a-f]{40}$", t)); // so the pattern below finds any of them
        Assert.Equal(2, requests.Count(r => r.Method == "POST" && r.Path.TrimEnd('/') == "/api/rb/auth" && r.StatusCode == 200));

        var everything = result.Everything();
        Assert.Contains(fx.Partner.Username, everything); // the dump is real: the user name is not a secret
        Assert.DoesNotContain(fx.Partner.Password, everything);
        Assert.DoesNotContain(wrongPassword, everything);
        Assert.DoesNotContain(Basic(fx.Partner.Username, fx.Partner.Password), everything);
        Assert.DoesNotContain(Basic(fx.Partner.Username, wrongPassword), everything);
        Assert.All(tokens, t => Assert.DoesNotContain(t, everything));
        var hex = TokenShape.Match(everything);
        Assert.False(hex.Success, "40-hex text (a token?) in the output: …" + (hex.Success ? everything.Substring(Math.Max(0, hex.Index - 80), Math.Min(200, everything.Length - Math.Max(0, hex.Index - 80))) : ""));
    }

    private static string Basic(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
}
