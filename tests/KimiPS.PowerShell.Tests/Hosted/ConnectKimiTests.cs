using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;
using static KimiPS.PowerShell.Tests.Hosted.AccountTestKit;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>Connect-Kimi as a user drives it: endpoints, settings, validation, proxies, keys, and its errors.</summary>
public sealed class ConnectKimiTests
{
    [Theory]
    [InlineData("http://10.1.2.3/v1/", "plain http://")]
    [InlineData("ftp://127.0.0.1/v1/", "unsupported scheme 'ftp'")]
    [InlineData("file:///tmp/v1/", "unsupported scheme 'file'")]
    public void SkipValidation_still_refuses_a_BaseUri_that_could_never_be_used(string baseUri, string problem)
    {
        using var hosted = HostedKimi.Start();

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{baseUri}' -ApiKey {Key} -SkipValidation -PassThru", "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Assert.Contains("Parameter 'BaseUri'", error.Exception.Message);
        Assert.Contains(problem, error.Exception.Message);
        Assert.Equal(new Uri(baseUri), error.TargetObject);
        // The session keeps the connection it had: the refused one was never stored.
        Assert.Equal(hosted.Emulator.BaseUri, hosted.Run("(Get-KimiConnection).BaseUri").ThrowOnError().Objects.Single());
    }

    [Fact]
    public void A_BaseUri_without_the_v1_root_says_so_instead_of_model_not_found()
    {
        using var hosted = HostedKimi.Start(connect: false);

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.RootUri}' -ApiKey {Key}", "KimiNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("/v1/", error.Exception.Message);
        Assert.Contains("BaseUri", error.Exception.Message);
        Assert.DoesNotContain("Get-KimiModel", error.Exception.Message);
        Assert.DoesNotContain("Get-KimiModel", error.ErrorDetails.RecommendedAction);
        Assert.Equal(hosted.Emulator.RootUri, error.TargetObject);
    }

    [Fact]
    public void An_unreachable_proxy_is_named_as_the_proxy_not_as_the_API_host()
    {
        using var hosted = HostedKimi.Start(connect: false);

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -MaxRetries 0 -Proxy 'http://127.0.0.1:1' " +
                             "-ProxyCredential ([pscredential]::new('proxyuser', (ConvertTo-SecureString 'proxy-secret-pw' -AsPlainText -Force)))", "KimiConnectionFailed", ErrorCategory.ConnectionError);
        Assert.Contains("the proxy 127.0.0.1:1", error.Exception.Message);
        Assert.Contains("refused", error.Exception.Message);
        Assert.DoesNotContain("proxy-secret-pw", error.ToString());
        Assert.DoesNotContain("proxyuser", error.ToString());
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void A_proxy_that_refuses_the_tunnel_is_named_too()
    {
        // The emulator plays a proxy that answers CONNECT with an error: nothing leaves this machine.
        using var hosted = HostedKimi.Start(connect: false);

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -Region China -ApiKey {Key} -MaxRetries 0 -Proxy '{hosted.Emulator.RootUri}'", "KimiConnectionFailed", ErrorCategory.ConnectionError);
        Assert.Contains($"through the proxy 127.0.0.1:{hosted.Emulator.RootUri.Port}", error.Exception.Message);
        Assert.Contains("api.moonshot.cn:443", error.Exception.Message);
    }

    [Fact]
    public void Requests_go_through_Proxy()
    {
        // Port 1 refuses connections: the calls can only succeed through the proxy, which is the emulator.
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($"Connect-Kimi -BaseUri 'http://127.0.0.1:1/v1/' -ApiKey {Key} -Proxy '{hosted.Emulator.RootUri}' -PassThru; Get-KimiBalance")
            .ThrowOnError();

        var connection = Of("KimiPS.KimiConnection", run.Objects[0]);
        Assert.Equal(hosted.Emulator.RootUri, connection.Proxy);
        Of("KimiPS.Core.KimiBalance", run.Objects[1]);
        Assert.Contains(hosted.Emulator.Requests, r => r.Path == "/v1/users/me/balance");
    }

    [Theory]
    [InlineData("ftp://proxy.example/", "not an http:// or https:// URI")]
    [InlineData("http://user:hunter2@proxy.example:8080/", "carries a user name or password")]
    public void A_bad_Proxy_is_refused_with_the_proxy_as_its_target(string proxy, string problem)
    {
        using var hosted = HostedKimi.Start(connect: false);

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -Proxy '{proxy}'", "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Assert.Contains("Parameter 'Proxy'", error.Exception.Message);
        Assert.Contains(problem, error.Exception.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
        Assert.Equal(new Uri(proxy), error.TargetObject);
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void ProxyCredential_without_Proxy_is_refused_rather_than_ignored()
    {
        using var hosted = HostedKimi.Start(connect: false);

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} " +
                             "-ProxyCredential ([pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)))", "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Assert.Contains("Parameter 'ProxyCredential'", error.Exception.Message);
        Assert.Contains("-Proxy", error.ErrorDetails.RecommendedAction);
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void Credential_accepts_a_SecureString_as_Get_Secret_returns_for_a_string_secret()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -Credential {Key} -PassThru").ThrowOnError();

        Assert.Equal("sk-…" + KeyTail, Of("KimiPS.KimiConnection", run.Objects.Single()).KeyHint);
        // Validated with that key: the check reached the API with it.
        Assert.NotEmpty(hosted.Emulator.Requests);
        Assert.All(hosted.Emulator.Requests, r => Assert.Equal("Bearer " + KimiEmulator.ApiKey, r.Headers["Authorization"]));
    }

    [Fact]
    public void Credential_takes_the_password_and_ignores_the_user_name()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -Credential ([pscredential]::new('anyone', {Key})); Get-KimiBalance")
            .ThrowOnError();

        Of("KimiPS.Core.KimiBalance", run.Objects.Single());
        Assert.All(hosted.Emulator.Requests, r => Assert.Equal("Bearer " + KimiEmulator.ApiKey, r.Headers["Authorization"]));
    }

    [Theory]
    [InlineData("China", "https://api.moonshot.cn/v1/")]
    [InlineData("Global", "https://api.moonshot.ai/v1/")]
    public void Region_picks_the_platform(string region, string expected)
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($"Connect-Kimi -Region {region} -ApiKey {Key} -SkipValidation -PassThru").ThrowOnError();

        var connection = Of("KimiPS.KimiConnection", run.Objects.Single());
        Assert.Equal(new Uri(expected), connection.BaseUri);
        Assert.Equal(region, connection.Region.ToString());
    }

    [Fact]
    public void Region_still_completes_both_platforms()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run("""
            (TabExpansion2 -inputScript 'Connect-Kimi -Region ' -cursorColumn 21).CompletionMatches.CompletionText
            (TabExpansion2 -inputScript 'Connect-Kimi -Region g' -cursorColumn 22).CompletionMatches.CompletionText
            """).ThrowOnError();

        Assert.Equal(["China", "Global", "Global"], run.Objects.Cast<string>());
    }

    [Fact]
    public void The_default_region_is_China()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var connection = (dynamic)hosted.Run($"Connect-Kimi -ApiKey {Key} -SkipValidation -PassThru").ThrowOnError().Objects.Single();

        Assert.Equal(new Uri("https://api.moonshot.cn/v1/"), connection.BaseUri);
    }

    [Fact]
    public void BaseUri_overrides_Region_and_gets_its_trailing_slash()
    {
        using var hosted = HostedKimi.Start(connect: false);
        var withoutSlash = hosted.Emulator.BaseUri.AbsoluteUri.TrimEnd('/');

        var run = hosted.Run($"Connect-Kimi -Region Global -BaseUri '{withoutSlash}' -ApiKey {Key} -PassThru; Get-KimiModel | Select-Object -First 1")
            .ThrowOnError();

        var connection = Of("KimiPS.KimiConnection", run.Objects[0]);
        Assert.Equal(hosted.Emulator.BaseUri, connection.BaseUri);
        Assert.Equal("Custom", connection.Region.ToString());
        Of("KimiPS.Core.KimiModel", run.Objects[1]);
    }

    [Fact]
    public void Model_MaxRetries_and_TimeoutSec_are_kept_and_used()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -Model kimi-k3 -MaxRetries 0 -TimeoutSec 42 -PassThru")
            .ThrowOnError();
        var connection = Of("KimiPS.KimiConnection", run.Objects.Single());
        Assert.Equal("kimi-k3", connection.DefaultModel);
        Assert.Equal(0, connection.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(42), connection.Timeout);

        // The default model is what a chat without -Model sends; with no retries a 500 is tried once.
        hosted.Run("Invoke-KimiChat 'hi'").ThrowOnError();
        Assert.Equal("kimi-k3", hosted.Emulator.Requests.Last().Json!.RootElement.GetProperty("model").GetString());
        hosted.Emulator.Reset();
        hosted.Emulator.Enqueue(EmulatorResponse.KimiError(500, "server_error", "boom"));
        AssertError(hosted.Run("Get-KimiBalance"), "KimiServerError", ErrorCategory.ResourceUnavailable);
        Assert.Equal(1, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void MaxRetries_retries_a_server_error()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -MaxRetries 1").ThrowOnError();
        hosted.Emulator.Reset();
        hosted.Emulator.Enqueue(EmulatorResponse.KimiError(500, "server_error", "boom"));

        var run = hosted.Run("Get-KimiBalance").ThrowOnError();

        Of("KimiPS.Core.KimiBalance", run.Objects.Single());
        Assert.Single(run.Warnings);
        Assert.Equal(2, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void TimeoutSec_limits_a_request()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -MaxRetries 0 -TimeoutSec 1").ThrowOnError();
        var slow = EmulatorResponse.Json(200, "{\"data\":{\"available_balance\":1}}");
        slow.Delay = TimeSpan.FromSeconds(20);
        hosted.Emulator.Enqueue(slow);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = hosted.Run("Get-KimiBalance");

        AssertError(run, "KimiTimeout", ErrorCategory.OperationTimeout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Without_PassThru_nothing_is_written_and_verbose_says_where_with_the_key_hint_only()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var run = hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -Verbose").ThrowOnError();

        Assert.Empty(run.Output);
        Assert.Contains(run.Verbose, v => v.StartsWith($"Connected to {hosted.Emulator.BaseUri} (Custom) with key sk-…{KeyTail}", StringComparison.Ordinal));
        foreach (var line in run.Verbose.Concat(run.Debug)) AssertNoKey(line);
        // Validation asked the API: the key is checked before it is stored.
        Assert.Contains(hosted.Emulator.Requests, r => r.Path == "/v1/models");
    }

    [Fact]
    public void A_wrong_key_is_terminating_with_the_platform_advice_and_the_old_connection_stays()
    {
        using var hosted = HostedKimi.Start();

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {WrongKey}", "KimiAuthenticationFailed", ErrorCategory.AuthenticationError);
        Assert.Contains("-Region", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("sk-wrong-key-000000000000000", error.ToString());
        Assert.Equal(hosted.Emulator.BaseUri, error.TargetObject);
        Assert.Single(hosted.Run("Get-KimiBalance").ThrowOnError().Output);
    }

    [Fact]
    public void A_server_that_fails_the_validation_is_its_own_error_with_the_SkipValidation_way_out()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Emulator.Enqueue(EmulatorResponse.KimiError(503, "server_unavailable", "maintenance"));

        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -MaxRetries 0; 'not reached'",
            "KimiServerError", ErrorCategory.ResourceUnavailable);

        Assert.Contains("-SkipValidation", error.ErrorDetails.RecommendedAction);
        Assert.Contains("maintenance", error.Exception.Message);
        AssertError(hosted.Run("Get-KimiConnection"), "KimiNotConnected", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void An_empty_key_is_refused_before_anything_is_sent()
    {
        using var hosted = HostedKimi.Start(connect: false);

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey ([securestring]::new())", "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Assert.Contains("Parameter 'ApiKey'", error.Exception.Message);
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Theory]
    [InlineData("-MaxRetries 11", "MaxRetries")]
    [InlineData("-MaxRetries -1", "MaxRetries")]
    [InlineData("-TimeoutSec 0", "TimeoutSec")]
    [InlineData("-Region Mars", "Region")]
    [InlineData("-Model ''", "Model")]
    [InlineData("-Model ' '", "Model")]
    [InlineData("-MaxConcurrency 0", "MaxConcurrency")]
    [InlineData("-RequestsPerMinute -3", "RequestsPerMinute")]
    [InlineData("-TokensPerMinute 0", "TokensPerMinute")]
    public void Bad_settings_are_KimiInvalidParameter_naming_the_parameter_and_the_fix(string argument, string parameter)
    {
        using var hosted = HostedKimi.Start(connect: false);

        
        var error = AssertTerminating(hosted, $"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} {argument}", "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Assert.Contains($"Parameter '{parameter}'", error.Exception.Message);
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void PassThru_connection_works_with_Connection_on_every_cmdlet_that_has_it()
    {
        using var hosted = HostedKimi.Start();
        using var other = KimiEmulator.Start();
        var file = Path.Combine(Path.GetTempPath(), "kimips-connect-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, "some text");
        try
        {
            // The session stays on the first emulator; every call given -Connection $c must reach the other one.
            var run = hosted.Run($$"""
                $c = Connect-Kimi -BaseUri '{{other.BaseUri}}' -ApiKey {{Key}} -PassThru
                Connect-Kimi -BaseUri '{{hosted.Emulator.BaseUri}}' -ApiKey {{Key}}
                $batches = @{}
                $calls = [ordered]@{
                    'Get-KimiModel'       = { Get-KimiModel -Connection $c }
                    'Get-KimiBalance'     = { Get-KimiBalance -Connection $c }
                    'Measure-KimiToken'   = { Measure-KimiToken 'hi' -Connection $c }
                    'Test-KimiConnection' = { Test-KimiConnection -Connection $c -Quiet }
                    'Invoke-KimiChat'     = { Invoke-KimiChat 'hi' -Connection $c }
                    'Send-KimiFile'       = { Send-KimiFile -LiteralPath $file -Connection $c }
                    'Get-KimiFile'        = { Get-KimiFile -Connection $c }
                    'Get-KimiFileContent' = { Get-KimiFile -Connection $c | Get-KimiFileContent -Connection $c }
                    'Start-KimiBatch'     = { $batches.Started = 'hi' | Start-KimiBatch -Prompt 'p' -Connection $c }
                    'Get-KimiBatch'       = { Get-KimiBatch -Connection $c }
                    'Wait-KimiBatch'      = { $batches.Done = $batches.Started | Wait-KimiBatch -PollIntervalSec 0.01 -Connection $c }
                    'Receive-KimiBatch'   = { $batches.Done | Receive-KimiBatch -Connection $c }
                    'Stop-KimiBatch'      = { 'x' | Start-KimiBatch -Prompt 'p' -Connection $c | Stop-KimiBatch -Connection $c -Confirm:$false }
                    'Remove-KimiFile'     = { Get-KimiFile -Connection $c | Remove-KimiFile -Connection $c -Confirm:$false }
                    # It reads what a person types, which this host cannot: it stops before sending anything.
                    # EnterKimiChatTests.Connection_sends_every_answer_to_that_connection covers it with a terminal host.
                    'Enter-KimiChat'      = { try { Enter-KimiChat -Connection $c -ErrorAction Stop } catch { if ($_.FullyQualifiedErrorId -notlike 'KimiHostNotInteractive*') { throw } } }
                }
                $covered = (Get-Command -Module KimiPS | Where-Object { $_.Parameters.ContainsKey('Connection') }).Name | Sort-Object
                [pscustomobject]@{ Covered = $covered; Listed = @($calls.Keys | Sort-Object) }
                foreach ($name in $calls.Keys) { $null = & $calls[$name]; $name }
                """, new Dictionary<string, object?> { ["file"] = file }).ThrowOnError();

            var lists = run.Output[0];
            // Every cmdlet that has -Connection is listed: a new one fails here until it is added to $calls.
            var covered = ((object[])lists.Properties["Covered"].Value).Select(o => o.ToString()!).ToList();
            var listed = ((object[])lists.Properties["Listed"].Value).Select(o => o.ToString()!).ToList();
            Assert.Equal(covered, listed);
            Assert.Equal(listed, run.Output.Skip(1).Select(o => o.ToString()).Order(StringComparer.Ordinal).ToList());
            var paths = other.Requests.Select(r => r.Method + " " + r.Path).ToList();
            Assert.Contains("GET /v1/models", paths);
            Assert.Contains("GET /v1/users/me/balance", paths);
            Assert.Contains("POST /v1/tokenizers/estimate-token-count", paths);
            Assert.Contains("POST /v1/chat/completions", paths);
            Assert.Contains("POST /v1/files", paths);
            Assert.Contains("POST /v1/batches", paths);
            Assert.Contains(paths, p => p.EndsWith("/cancel", StringComparison.Ordinal));
            Assert.Contains(paths, p => p.StartsWith("DELETE /v1/files/", StringComparison.Ordinal));
            Assert.Contains(paths, p => p.EndsWith("/content", StringComparison.Ordinal));
            // The session's own emulator saw only the validation of the second Connect-Kimi.
            Assert.All(hosted.Emulator.Requests, r => Assert.Contains(r.Path, new[] { "/v1/models", "/v1/users/me/balance" }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Help_examples_pass_a_vault_string_secret_to_ApiKey()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var text = string.Join("\n", hosted.Run("Get-Help Connect-Kimi -Examples | Out-String -Width 300").ThrowOnError().Output.Select(o => o.ToString()));

        Assert.Contains("-ApiKey (Get-Secret KimiKey)", text);
        Assert.DoesNotContain("-Credential (Get-Secret KimiKey)", text);
    }
}
