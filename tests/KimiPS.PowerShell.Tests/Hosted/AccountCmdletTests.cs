using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;
using static KimiPS.PowerShell.Tests.Hosted.AccountTestKit;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>Test-KimiConnection, Get-KimiModel, Get-KimiBalance and Measure-KimiToken as a user drives them.</summary>
public sealed class AccountCmdletTests
{
    // ---- Test-KimiConnection ----

    [Fact]
    public void Test_KimiConnection_reports_every_check()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Test-KimiConnection").ThrowOnError();

        var test = Of("KimiPS.Core.KimiConnectionTest", Assert.Single(run.Objects));
        Assert.True(test.Success);
        Assert.True(test.Reachable);
        Assert.True(test.Authenticated);
        Assert.Equal(hosted.Emulator.BaseUri, test.BaseUri);
        Assert.NotNull(test.Latency);
        Assert.Equal(49.58894m, test.Balance!.AvailableBalance);
        Assert.Null(test.ErrorId);
        Assert.Null(test.KeyRegion);
        Assert.Matches(@"^Connected to 127\.0\.0\.1 in \d+ ms; available balance 49\.58894\.$", test.Message);
    }

    [Fact]
    public void Test_KimiConnection_Quiet_is_a_bool()
    {
        using var hosted = HostedKimi.Start();

        Assert.Equal([true], hosted.Run("Test-KimiConnection -Quiet").ThrowOnError().Objects);
        hosted.Run("Disconnect-Kimi").ThrowOnError();
        Assert.Equal([false], hosted.Run("Test-KimiConnection -Quiet").ThrowOnError().Objects);
    }

    [Fact]
    public void Test_KimiConnection_with_a_wrong_key_is_a_result_not_an_error()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {WrongKey} -SkipValidation").ThrowOnError();

        var run = hosted.Run("Test-KimiConnection; Test-KimiConnection -Quiet").ThrowOnError();

        var test = Of("KimiPS.Core.KimiConnectionTest", run.Objects[0]);
        Assert.False(test.Success);
        Assert.True(test.Reachable);
        Assert.False(test.Authenticated);
        Assert.Equal("KimiAuthenticationFailed", test.ErrorId);
        Assert.Contains("rejected", test.Message);
        Assert.Equal(false, run.Objects[1]);
    }

    [Fact]
    public void Test_KimiConnection_without_a_connection_reports_KimiNotConnected()
    {
        using var hosted = HostedKimi.Start(connect: false);

        var test = Of("KimiPS.Core.KimiConnectionTest", hosted.Run("Test-KimiConnection").ThrowOnError().Objects.Single());

        Assert.False(test.Success);
        Assert.Equal("KimiNotConnected", test.ErrorId);
        Assert.Contains("Connect-Kimi", test.Message);
    }

    [Fact]
    public void Test_KimiConnection_when_the_host_is_unreachable_is_a_result_not_an_error()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri 'http://127.0.0.1:1/v1/' -ApiKey {Key} -MaxRetries 0 -SkipValidation").ThrowOnError();

        var test = Of("KimiPS.Core.KimiConnectionTest", hosted.Run("Test-KimiConnection").ThrowOnError().Objects.Single());

        Assert.False(test.Success);
        Assert.False(test.Reachable);
        Assert.Equal("KimiConnectionFailed", test.ErrorId);
        Assert.Contains("127.0.0.1:1", test.Message);
    }

    [Fact]
    public void Test_KimiConnection_on_a_BaseUri_without_v1_says_what_is_wrong()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.RootUri}' -ApiKey {Key} -SkipValidation").ThrowOnError();

        var test = Of("KimiPS.Core.KimiConnectionTest", hosted.Run("Test-KimiConnection").ThrowOnError().Objects.Single());

        Assert.False(test.Success);
        Assert.True(test.Reachable);
        Assert.Equal("KimiNotFound", test.ErrorId);
        Assert.Contains("/v1/", test.Message);
    }

    // ---- Get-KimiModel ----

    [Fact]
    public void Get_KimiModel_lists_the_accounts_models_in_order()
    {
        using var hosted = HostedKimi.Start();

        var models = hosted.Run("Get-KimiModel").ThrowOnError().Objects.Cast<dynamic>().ToList();

        Assert.Equal(["kimi-k3", "kimi-k2.7-code", "kimi-k2.7-code-highspeed", "kimi-k2.6"], models.Select(m => (string)m.Id));
        var k3 = models[0];
        Assert.Equal(1048576, k3.ContextLength);
        Assert.True(k3.SupportsImageIn);
        Assert.True(k3.SupportsReasoning);
        Assert.False(models[1].SupportsImageIn);
        Assert.Equal("moonshot", k3.OwnedBy);
    }

    [Fact]
    public void Get_KimiModel_Name_filters_with_wildcards()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Get-KimiModel kimi-k2.7*, KIMI-K3").ThrowOnError();

        Assert.Equal(["kimi-k3", "kimi-k2.7-code", "kimi-k2.7-code-highspeed"], run.Objects.Select(m => (string)((dynamic)m).Id));
    }

    [Fact]
    public void Get_KimiModel_a_literal_Name_that_matches_nothing_is_ObjectNotFound_like_built_in_cmdlets()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("Get-KimiModel kimi-k9, kimi-k3, nope*; 'after'");

        Assert.Null(run.Terminating);
        var error = AssertError(run, "KimiModelNotFound", ErrorCategory.ObjectNotFound);
        Assert.Single(run.Errors); // a wildcard that matches nothing stays silent, as with Get-Process
        Assert.Equal("kimi-k9", error.TargetObject);
        Assert.Contains("'kimi-k9'", error.Exception.Message);
        Assert.Contains("kimi-k2.7-code", error.ErrorDetails.RecommendedAction);
        Assert.Equal("kimi-k3", (string)Of("KimiPS.Core.KimiModel", run.Objects[0]).Id);
        Assert.Equal("after", run.Objects[1]);
        Assert.Equal(2, run.Objects.Count);
    }

    [Fact]
    public void Get_KimiModel_Name_completes_the_live_ids()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("""
            $line = 'Get-KimiModel kimi-k2.7'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            """).ThrowOnError();

        Assert.Equal(["kimi-k2.7-code", "kimi-k2.7-code-highspeed"], run.Objects.Cast<string>());
    }

    [Fact]
    public void The_Model_completer_offers_the_live_ids()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Handler = request => request.Path.EndsWith("/models", StringComparison.Ordinal)
            ? EmulatorResponse.Json(200, """{"object":"list","data":[{"id":"kimi-live-one"},{"id":"kimi-live-two"},{"id":"other-model"}]}""")
            : null;

        var run = hosted.Run("""
            $line = 'Invoke-KimiChat hi -Model kimi-live'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $line = 'Measure-KimiToken hi -Model '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            """).ThrowOnError();

        Assert.Equal(["kimi-live-one", "kimi-live-two", "kimi-live-one", "kimi-live-two", "other-model"], run.Objects.Cast<string>());
        Assert.Contains(hosted.Emulator.Requests, r => r.Path == "/v1/models");
    }

    [Fact]
    public void Get_KimiModel_failure_is_an_error_record_with_its_action()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -MaxRetries 0").ThrowOnError();
        hosted.Emulator.Enqueue(EmulatorResponse.KimiError(503, "server_unavailable", "down"));

        var run = hosted.Run("Get-KimiModel; 'after'");

        Assert.Null(run.Terminating);
        AssertError(run, "KimiServerError", ErrorCategory.ResourceUnavailable);
        Assert.Equal(["after"], run.Objects);
    }

    [Fact]
    public void Get_KimiModel_on_a_BaseUri_without_v1_says_what_is_wrong()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.RootUri}' -ApiKey {Key} -SkipValidation").ThrowOnError();

        var error = AssertError(hosted.Run("Get-KimiModel"), "KimiNotFound", ErrorCategory.ObjectNotFound);

        Assert.Contains("/v1/", error.Exception.Message);
        Assert.DoesNotContain("Get-KimiModel", error.Exception.Message);
    }

    // ---- Get-KimiBalance ----

    [Fact]
    public void Get_KimiBalance_reads_every_field_and_a_custom_BaseUri_has_no_currency()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("$b = Get-KimiBalance; $b; \"$b\"").ThrowOnError();

        var balance = Of("KimiPS.Core.KimiBalance", run.Objects[0]);
        Assert.Equal(49.58894m, balance.AvailableBalance);
        Assert.Equal(46.58893m, balance.VoucherBalance);
        Assert.Equal(3.00001m, balance.CashBalance);
        // Kimi's balance has no currency field; only the platform says it, and a loopback address is neither.
        Assert.Equal("", balance.Currency);
        Assert.Equal("49.58894", run.Objects[1]);
    }

    [Fact]
    public void Get_KimiBalance_keeps_a_gateways_own_currency()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(EmulatorResponse.Json(200, """{"data":{"available_balance":7.5,"voucher_balance":0,"cash_balance":7.5,"currency":"EUR"}}"""));

        var balance = Of("KimiPS.Core.KimiBalance", hosted.Run("Get-KimiBalance").ThrowOnError().Objects.Single());

        Assert.Equal("EUR", balance.Currency);
        Assert.Equal("7.5 EUR", balance.ToString());
    }

    [Fact]
    public void Get_KimiBalance_without_a_connection_is_terminating_KimiNotConnected()
    {
        using var hosted = HostedKimi.Start(connect: false);

        
        AssertTerminating(hosted, "Get-KimiBalance", "KimiNotConnected", ErrorCategory.AuthenticationError);
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void Get_KimiBalance_with_a_key_rejected_later_is_terminating_KimiAuthenticationFailed()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {WrongKey} -SkipValidation").ThrowOnError();

        var error = AssertTerminating(hosted, "Get-KimiBalance", "KimiAuthenticationFailed", ErrorCategory.AuthenticationError);

        Assert.DoesNotContain("sk-wrong-key-000000000000000", error.ToString());
        Assert.Equal(1, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void Get_KimiBalance_from_a_gateway_without_the_endpoint_is_KimiProtocolError()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Enqueue(EmulatorResponse.Json(200, """{"object":"not a balance"}"""));

        var run = hosted.Run("Get-KimiBalance; 'after'");

        Assert.Null(run.Terminating);
        var error = AssertError(run, "KimiProtocolError", ErrorCategory.ProtocolError);
        Assert.Contains("'data'", error.Exception.Message);
        Assert.Equal(["after"], run.Objects);
    }

    // ---- Measure-KimiToken (emulator: 3 tokens per message + ceil(characters / 4)) ----

    [Fact]
    public void Measure_KimiToken_counts_a_prompt_with_the_connections_model()
    {
        using var hosted = HostedKimi.Start();

        var count = Of("KimiPS.Core.KimiTokenCount", hosted.Run("Measure-KimiToken 'How many tokens is this?'").ThrowOnError().Objects.Single());

        Assert.Equal(3 + 6, count.TotalTokens); // 24 characters
        Assert.Equal(1, count.MessageCount);
        Assert.Equal("kimi-k2.6", count.Model);
        Assert.Equal("kimi-k2.6", hosted.Emulator.Requests.Last().Json!.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void Measure_KimiToken_SystemPrompt_and_Model()
    {
        using var hosted = HostedKimi.Start();

        var count = (dynamic)hosted.Run("Measure-KimiToken 'abcdefgh' -SystemPrompt 'abcd' -Model kimi-k3").ThrowOnError().Objects.Single();

        Assert.Equal(6 + 3, count.TotalTokens);
        Assert.Equal(2, count.MessageCount);
        Assert.Equal("kimi-k3", count.Model);
    }

    [Fact]
    public void Measure_KimiToken_counts_Message_and_Conversation()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("""
            Measure-KimiToken -Message ([KimiPS.Core.ChatMessage]::System('abcd')), ([KimiPS.Core.ChatMessage]::User('abcdefgh'))
            $c = New-KimiConversation -SystemPrompt 'abcd'
            Invoke-KimiChat 'abcdefgh' -Conversation $c | Out-Null
            Measure-KimiToken -Conversation $c
            $c | Measure-KimiToken
            $c.Messages.Count
            """).ThrowOnError();

        Assert.Equal(9, ((dynamic)run.Objects[0]).TotalTokens);
        var byParameter = (dynamic)run.Objects[1];
        var byPipeline = (dynamic)run.Objects[2];
        Assert.Equal((int)run.Objects[3], byParameter.MessageCount);
        Assert.Equal(byParameter.TotalTokens, byPipeline.TotalTokens);
        Assert.True(byParameter.TotalTokens > 9);
    }

    [Fact]
    public void Measure_KimiToken_counts_each_piped_prompt_and_a_bad_one_does_not_stop_the_rest()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("'abcd', '', 'abcdefgh' | Measure-KimiToken");

        Assert.Null(run.Terminating);
        Assert.Equal([4, 5], run.Objects.Select(c => (int)((dynamic)c).TotalTokens));
        var error = AssertError(run, "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Assert.Contains("Parameter 'Prompt'", error.Exception.Message);
        Assert.Equal("", error.TargetObject);
    }

    [Fact]
    public void Measure_KimiToken_of_an_empty_conversation_is_an_error_carrying_it()
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Reset();

        var run = hosted.Run("$c = New-KimiConversation; Measure-KimiToken -Conversation $c; 'after'");

        var error = AssertError(run, "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Of("KimiPS.Core.KimiConversation", error.TargetObject);
        Assert.Equal(["after"], run.Objects);
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void Measure_KimiToken_server_failure_is_per_item_with_the_prompt_as_target()
    {
        using var hosted = HostedKimi.Start(connect: false);
        hosted.Run($"Connect-Kimi -BaseUri '{hosted.Emulator.BaseUri}' -ApiKey {Key} -MaxRetries 0").ThrowOnError();
        var failure = EmulatorResponse.KimiError(400, "invalid_request_error", "Invalid request: bad");
        failure.PathContains = "estimate";
        hosted.Emulator.Enqueue(failure);

        var run = hosted.Run("'first', 'second' | Measure-KimiToken");

        var error = AssertError(run, "KimiInvalidRequest", ErrorCategory.InvalidArgument);
        Assert.Equal("first", error.TargetObject);
        Assert.Equal(5, Of("KimiPS.Core.KimiTokenCount", Assert.Single(run.Objects)).TotalTokens);
    }

    [Theory]
    [InlineData("Measure-KimiToken 'x' -Model ''", "Model")]
    [InlineData("Measure-KimiToken 'x' -SystemPrompt ''", "SystemPrompt")]
    [InlineData("Get-KimiModel -Name ''", "Name")]
    public void Empty_arguments_are_KimiInvalidParameter_before_sending(string script, string parameter)
    {
        using var hosted = HostedKimi.Start();
        hosted.Emulator.Reset();

        var run = hosted.Run(script);

        var error = AssertError(run, "KimiInvalidParameter", ErrorCategory.InvalidArgument);
        Assert.Contains($"Parameter '{parameter}'", error.Exception.Message);
        Assert.Equal(0, hosted.Emulator.Counters.Requests);
    }

    // ---- What a user sees ----

    [Fact]
    public void Out_String_of_every_output_type_shows_its_fields()
    {
        using var hosted = HostedKimi.Start();

        var run = hosted.Run("""
            Get-KimiModel | Out-String -Width 200
            Get-KimiBalance | Out-String -Width 200
            Measure-KimiToken 'abcd' | Out-String -Width 200
            Test-KimiConnection | Out-String -Width 200
            Get-KimiConnection | Out-String -Width 200
            Test-KimiConnection -Quiet | Out-String
            """).ThrowOnError();

        var texts = run.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(6, texts.Count);
        Assert.Matches(@"Id\s+ContextLength", texts[0]);
        Assert.Matches(@"kimi-k3\s+1048576", texts[0]);
        Assert.Matches(@"AvailableBalance\s+VoucherBalance\s+CashBalance\s+Currency", texts[1]);
        Assert.Matches(@"49\.58894\s+46\.58893\s+3\.00001", texts[1]);
        Assert.Contains("kimi-k2.6", texts[2]);
        Assert.Matches(@"\b4\b", texts[2]);
        Assert.Matches(@"(?m)^Success\s*:\s*True", texts[3]);
        Assert.Matches(@"(?m)^Balance\s*:\s*49\.58894\s*$", texts[3]);
        Assert.Matches(@"(?m)^KeyHint\s*:\s*sk-…cdef", texts[4]);
        Assert.Equal("True", texts[5].Trim());
        foreach (var text in texts) AssertNoKey(text);
    }
}
