using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;
using static KimiPS.PowerShell.Tests.Hosted.AccountTestKit;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>Disconnect-Kimi, Get-KimiConnection and the MOONSHOT_API_KEY fallback.</summary>
public sealed class ConnectionStateTests
{
    [Fact]
    public void Disconnect_says_so_in_verbose_then_cmdlets_fail_with_KimiNotConnected()
    {
        using var hosted = HostedKimi.Start();

        var first = hosted.Run("Disconnect-Kimi -Verbose").ThrowOnError();
        var again = hosted.Run("Disconnect-Kimi -Verbose").ThrowOnError();
        var error = AssertTerminating(hosted, "Get-KimiBalance; 'not reached'", "KimiNotConnected", ErrorCategory.AuthenticationError);

        Assert.Empty(first.Output);
        Assert.Equal(["The Kimi connection of this session was removed."], first.Verbose);
        Assert.Equal(["This session had no Kimi connection."], again.Verbose);
        Assert.Contains("Connect-Kimi", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Get_KimiConnection_shows_the_current_connection()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -Model kimi-k3 -MaxRetries 4 -TimeoutSec 90 -MaxConcurrency 3")
            .ThrowOnError();

        var run = hosted.Run("Get-KimiConnection").ThrowOnError();

        var connection = Of("KimiPS.KimiConnection", Assert.Single(run.Objects));
        Assert.Equal(hosted.Emulator.BaseUri, connection.BaseUri);
        Assert.Equal("Custom", connection.Region.ToString());
        Assert.Equal("kimi-k3", connection.DefaultModel);
        Assert.Equal(4, connection.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(90), connection.Timeout);
        Assert.Equal(3, connection.RateLimits.MaxConcurrency);
        Assert.Equal("sk-…" + KeyTail, connection.KeyHint);
        Assert.Equal("Connect-Kimi", connection.Source);
    }

    [Fact]
    public void Get_KimiConnection_output_works_as_Connection()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("$c = Get-KimiConnection; Disconnect-Kimi; Get-KimiBalance -Connection $c").ThrowOnError();

        Of("KimiPS.Core.KimiBalance", Assert.Single(run.Objects));
    }

    [Fact]
    public void Get_KimiConnection_without_a_connection_writes_KimiNotConnected_and_no_object()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run("Get-KimiConnection; 'after'");

        Assert.Null(run.Terminating);
        var error = AssertError(run, "KimiNotConnected", ErrorCategory.ObjectNotFound);
        Assert.Contains("Connect-Kimi", error.ErrorDetails.RecommendedAction);
        Assert.Equal(["after"], run.Objects);
        Assert.Empty(hosted.Run("Get-KimiConnection -ErrorAction SilentlyContinue").Output);
    }

    [Fact]
    public void Nothing_secret_reaches_any_view_of_the_connection()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri 'http://127.0.0.1:1/v1/' -ApiKey {Key} -Proxy '{hosted.Emulator.RootUri}' -SkipValidation " +
                   "-ProxyCredential ([pscredential]::new('proxy-user-name', (ConvertTo-SecureString 'proxy-pass-word' -AsPlainText -Force)))")
            .ThrowOnError();

        var run = hosted.Run("""
            $c = Get-KimiConnection
            $c | Out-String -Width 250
            $c | Format-List * | Out-String -Width 250
            $c | Format-Table * | Out-String -Width 250
            $c | ConvertTo-Json -Depth 5
            $c | Export-Clixml -Path ($p = [IO.Path]::GetTempFileName()); Get-Content -Raw $p; Remove-Item $p
            "$c"
            $c | Select-Object * | Out-String -Width 250
            """).ThrowOnError();

        Assert.Equal(7, run.Output.Count);
        foreach (var text in run.Output.Select(o => o.ToString()))
        {
            AssertNoKey(text);
            Assert.DoesNotContain("proxy-pass-word", text);
            Assert.DoesNotContain("proxy-user-name", text);
        }
        var view = run.Output[0].ToString();
        Assert.Contains("sk-…" + KeyTail, view);
        Assert.Contains("127.0.0.1:" + hosted.Emulator.RootUri.Port, view);
        Assert.Contains("kimi-k2.6", view);
    }

    [Fact]
    public void Get_KimiConnection_view_lists_what_a_user_asks_about()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -MaxRetries 3 -TimeoutSec 77").ThrowOnError();

        var view = hosted.Run("Get-KimiConnection | Out-String -Width 200").ThrowOnError().Output.Single().ToString();

        foreach (var label in new[] { "BaseUri", "Region", "KeyHint", "DefaultModel", "MaxRetries", "Timeout", "Proxy", "RateLimits", "Source" })
            Assert.Matches($@"(?m)^{label}\s*:", view);
        Assert.Matches(@"(?m)^MaxRetries\s*:\s*3\s*$", view);
        Assert.Matches(@"(?m)^Timeout\s*:\s*00:01:17\s*$", view);
        Assert.Matches(@"(?m)^Proxy\s*:\s*$", view);
    }
}
