using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>Invoke-KimiChat against a hostile or broken server: what reaches the error stream and the console.</summary>
public sealed class HostileServerTests : IDisposable
{
    private readonly HostedKimi _kimi = HostedKimi.Start();

    private static void AssertProtocolError(HostedRun run, string target)
    {
        var error = run.FirstError;
        Assert.NotNull(error);
        Assert.Null(run.Terminating);
        Assert.Equal("KimiProtocolError,KimiPS.Commands.InvokeKimiChatCommand", error!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ProtocolError, error.CategoryInfo.Category);
        Assert.Equal(target, error.TargetObject);
        Assert.Contains("BaseUri", error.ErrorDetails?.RecommendedAction);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void An_endless_answer_is_a_protocol_error_at_the_size_limit_and_is_not_retried()
    {
        _kimi.Emulator.Enqueue(EmulatorResponse.Repeated(" "));

        var run = _kimi.Run("Invoke-KimiChat 'endless'");

        AssertProtocolError(run, "endless");
        Assert.Contains("32 MiB", run.FirstError!.Exception.Message);
        Assert.Empty(run.Warnings); // no "retrying" warning
        Assert.Equal(1, _kimi.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public void A_redirect_to_another_origin_sends_nothing_there()
    {
        using var other = KimiEmulator.Start();
        _kimi.Emulator.Enqueue(EmulatorResponse.Json(307, "", ("Location", new Uri(other.BaseUri, "chat/completions").ToString())));

        var run = _kimi.Run("'the secret prompt' | Invoke-KimiChat");

        AssertProtocolError(run, "the secret prompt");
        Assert.Contains(other.RootUri.GetLeftPart(UriPartial.Authority), run.FirstError!.Exception.Message);
        Assert.Equal(0, other.Counters.Requests);
    }

    [Fact]
    public void An_answer_without_choices_is_a_protocol_error_not_an_empty_answer()
    {
        _kimi.Emulator.Enqueue(EmulatorResponse.Json(200, """{"id":"c","model":"kimi-k2.6","choices":[]}"""));

        var run = _kimi.Run("Invoke-KimiChat 'empty'");

        AssertProtocolError(run, "empty");
    }

    [Fact]
    public void A_server_that_echoes_a_truncated_key_does_not_show_it()
    {
        var key = KimiEmulator.ApiKey;
        _kimi.Emulator.Enqueue(EmulatorResponse.KimiError(401, "invalid_authentication_error", $"key={key} partial={key[..^1]} tail={key[3..]}"));

        var run = _kimi.Run("""
            try { Invoke-KimiChat 'x' } catch { $_.FullyQualifiedErrorId; $_ | Out-String; $_.Exception.ToString(); $_.ErrorDetails | Out-String; $_.Exception.Message }
            $Error | Out-String
            """);

        Assert.Empty(run.Errors);
        var shown = string.Join("\n", run.Output.Select(o => o.ToString()));
        Assert.Contains("partial=", shown);
        Assert.StartsWith("KimiAuthenticationFailed,", run.Output[0].ToString());
        Assert.Contains("Authentication failed", shown);
        for (var i = 0; i + 8 <= key.Length; i++) Assert.DoesNotContain(key.Substring(i, 8), shown);
    }

    [Fact]
    public void Escape_sequences_in_an_answer_never_reach_the_console_but_Content_keeps_them()
    {
        const string raw = "Hi\u001B]0;pwned\u0007\u001B[2J there";
        _kimi.Emulator.Handler = _ => EmulatorResponse.Chat(new ChatScript
        {
            Content = raw,
            ToolCalls = { new ScriptedToolCall("functions.f:0", "f", "{\"a\":\"\u001B[31mred\"}") },
        });

        var run = _kimi.Run("""
            $answer = Invoke-KimiChat 'x'
            $chunks = Invoke-KimiChat 'x' -Stream
            $answer | Out-String
            $chunks | Out-String
            "$answer"
            ($chunks | ForEach-Object { $_.ToString() }) -join ''
            $answer.ToolCalls | Out-String
            $c = New-KimiConversation; $null = Invoke-KimiChat 'x' -Conversation $c; $c | Out-String; $c.Messages | Out-String
            '---'
            $answer.Content
            """);

        run.ThrowOnError();
        var split = run.Output.Select(o => o.ToString()).ToList().IndexOf("---");
        var shown = string.Join("\n", run.Output.Take(split).Select(o => o.ToString()));
        Assert.DoesNotContain('\u001B', shown);
        Assert.DoesNotContain('\u0007', shown);
        Assert.Contains("Hi there", shown);
        Assert.Contains("f({\"a\":\"red\"})", shown);
        Assert.Equal(raw, run.Output[split + 1].ToString());
    }

    public void Dispose() => _kimi.Dispose();
}
