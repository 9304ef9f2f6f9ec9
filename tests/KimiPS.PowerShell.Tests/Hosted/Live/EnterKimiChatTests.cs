using System.Text.Json;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Live;

/// <summary>Enter-KimiChat driven by a scripted terminal host: lines come from Host.UI.ReadLine, answers are live text.</summary>
public sealed class EnterKimiChatTests
{
    private static HostedKimi Start(out TerminalHost host, params string[] lines)
    {
        var hosted = LiveTextTests.StartTerminal(out host);
        foreach (var line in lines) host.Input.Enqueue(line);
        return hosted;
    }

    private static List<JsonElement> ChatBodies(HostedKimi hosted) =>
        hosted.Emulator.Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).Select(r => r.Json!.RootElement).ToList();

    private static List<string> Roles(JsonElement body) => body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()!).ToList();

    [Fact]
    public void A_multi_turn_chat_reads_lines_through_the_host_answers_live_and_returns_the_conversation()
    {
        using var hosted = Start(out var host, "hello there", "and again", "/exit");

        var run = hosted.Run("Enter-KimiChat -PassThru -SystemPrompt 'Be brief.'").ThrowOnError();

        var conversation = Assert.Single(run.Output);
        Assert.Equal("KimiPS.Core.KimiConversation", conversation.TypeName());
        Assert.Equal("2", conversation.Prop("TurnCount"));
        Assert.Equal(3, host.Reads);
        var text = LiveTextTests.Text(LiveTextTests.Live(run));
        Assert.Contains("you> ", text);
        var first = text.IndexOf("Echo: hello there", StringComparison.Ordinal);
        var second = text.IndexOf("Echo: and again", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, text);
        var bodies = ChatBodies(hosted);
        Assert.Equal(2, bodies.Count);
        Assert.True(bodies.All(b => b.GetProperty("stream").GetBoolean()));
        Assert.Equal(new[] { "system", "user", "assistant", "user" }, Roles(bodies[1]));
    }

    [Fact]
    public void Slash_commands_change_the_model_and_thinking_rewind_save_and_report_usage()
    {
        using var scratch = new ScratchFolder();
        var path = Path.Combine(scratch.Path, "chat.json");
        using var hosted = Start(out _, "/model kimi-k2.5", "/thinking off", "one", "two", "/rewind", "/usage", $"/save {path}", "/help", "/nonsense", "/exit");

        var run = hosted.Run("$c = New-KimiConversation; Enter-KimiChat -Conversation $c; $c.TurnCount; $c.Model").ThrowOnError();

        Assert.Equal(new[] { "1", "kimi-k2.5" }, run.Output.Select(o => o.ToString()));
        var bodies = ChatBodies(hosted);
        Assert.All(bodies, b => Assert.Equal("kimi-k2.5", b.GetProperty("model").GetString()));
        Assert.All(bodies, b => Assert.Equal("disabled", b.GetProperty("thinking").GetProperty("type").GetString()));
        var text = LiveTextTests.Text(LiveTextTests.Live(run));
        Assert.Contains("Forgot 1 turn(s); 1 left.", text);
        Assert.Contains("Tokens in this session: prompt 18 (cached 0) + completion 24 = 42 over 2 answer(s).", text);
        Assert.Contains("/thinking on|off", text);
        Assert.Contains("/nonsense is not a command", text);
        var saved = hosted.Run($"(Import-KimiConversation -Path '{path}').TurnCount").ThrowOnError();
        Assert.Equal("1", Assert.Single(saved.Output).ToString());
    }

    [Fact]
    public void File_uploads_the_document_adds_its_text_and_deletes_the_upload()
    {
        using var scratch = new ScratchFolder();
        var doc = Path.Combine(scratch.Path, "notes.txt");
        File.WriteAllText(doc, "The launch code is 4711.");
        using var hosted = Start(out _, $"/file {doc}", "what is the code?", "/exit");

        var run = hosted.Run("Enter-KimiChat -PassThru").ThrowOnError();

        var messages = ChatBodies(hosted).Single().GetProperty("messages").EnumerateArray().ToList();
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "system" && m.GetProperty("content").GetString()!.Contains("4711"));
        Assert.Contains(hosted.Emulator.Requests, r => r.Method == "DELETE" && r.Path.Contains("/files/", StringComparison.Ordinal));
        Assert.Empty(hosted.Run("Get-KimiFile").ThrowOnError().Output);
        Assert.Contains("Added notes.txt", LiveTextTests.Text(LiveTextTests.Live(run)));
    }

    [Fact]
    public void A_failed_answer_is_an_error_and_the_chat_goes_on()
    {
        using var hosted = Start(out _, "first fails", "second works", "/file ./no-such-file.txt", "/exit");
        hosted.Emulator.Enqueue(Faults.With(EmulatorResponse.KimiError(400, "invalid_request_error", "Invalid request: bad"), _ => { }));

        var run = hosted.Run("Enter-KimiChat -PassThru");

        Assert.Null(run.Terminating);
        Assert.Equal(2, run.Errors.Count);
        Assert.Equal("first fails", run.Errors[0].TargetObject);
        Assert.StartsWith("KimiPathNotFound", run.Errors[1].FullyQualifiedErrorId);
        Assert.Equal("1", Assert.Single(run.Output).Prop("TurnCount")); // the failed turn is not kept
        Assert.Contains("Echo: second works", LiveTextTests.Text(LiveTextTests.Live(run)));
    }

    [Fact]
    public void Connection_sends_every_answer_to_that_connection()
    {
        using var other = KimiEmulator.Start();
        using var hosted = Start(out _, "over there", "/exit");

        var run = hosted.Run($"$c = Connect-Kimi -BaseUri '{other.BaseUri}' -ApiKey (ConvertTo-SecureString '{KimiEmulator.ApiKey}' -AsPlainText -Force) -PassThru -SkipValidation; " +
                             "Connect-Kimi -BaseUri '" + hosted.Emulator.BaseUri + "' -ApiKey (ConvertTo-SecureString '" + KimiEmulator.ApiKey + "' -AsPlainText -Force) -SkipValidation; " +
                             "Enter-KimiChat -Connection $c").ThrowOnError();

        Assert.Equal(1, other.Counters.ChatRequests);
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
        Assert.Contains("Echo: over there", LiveTextTests.Text(LiveTextTests.Live(run)));
    }

    [Fact]
    public void A_line_starting_with_two_slashes_is_sent_as_a_prompt()
    {
        using var hosted = Start(out _, "//etc/hosts explained", "/exit");

        var run = hosted.Run("Enter-KimiChat").ThrowOnError();

        Assert.Contains("Echo: /etc/hosts explained", LiveTextTests.Text(LiveTextTests.Live(run)));
    }
}

/// <summary>Enter-KimiChat where nobody can type.</summary>
public sealed class EnterKimiChatHostTests
{
    [Fact]
    public void A_host_that_cannot_read_a_line_gets_a_terminating_KimiHostNotInteractive_and_nothing_is_sent()
    {
        using var hosted = HostedKimi.Start(); // no UI, as a job or a scheduled runspace

        var run = hosted.Run("Enter-KimiChat; 'after'");

        Assert.Equal("after", Assert.Single(run.Output).ToString()); // statement-terminating, as every cmdlet's ThrowTerminatingError
        Assert.StartsWith("KimiHostNotInteractive", run.FirstError!.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidOperation, run.FirstError.CategoryInfo.Category);
        Assert.Contains("Invoke-KimiChat -Conversation", run.FirstError.ErrorDetails?.RecommendedAction);
        Assert.Equal(0, hosted.Emulator.Counters.ChatRequests);
    }
}
