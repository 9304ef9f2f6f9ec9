using System.Text.RegularExpressions;
using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Live;

/// <summary>
/// Enter-KimiChat and live text under a zh-CN and an en-US UI culture: the prompt, the replies to slash commands,
/// /help, the [thinking] label and the -ContentOnly/-LiveText error are in the UI language; the conversation, the
/// requests and the error id are the same.
/// </summary>
public sealed class LiveLocalizationTests
{
    private static readonly Regex Han = new(@"\p{IsCJKUnifiedIdeographs}");

    private static HostedRun ChatIn(string culture, out int reads, out string model)
    {
        using var hosted = LiveTextTests.StartTerminal(out var host);
        foreach (var line in new[] { "/model kimi-k2.5", "/help", "/nonsense", "one", "/rewind", "/usage", "/exit" }) host.Input.Enqueue(line);
        var run = hosted.Run($"[System.Threading.Thread]::CurrentThread.CurrentUICulture = '{culture}'\n$c = New-KimiConversation; Enter-KimiChat -Conversation $c; $c.TurnCount").ThrowOnError();
        reads = host.Reads;
        model = hosted.Emulator.Requests.Single(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).Json!.RootElement.GetProperty("model").GetString()!;
        return run;
    }

    [Fact]
    public void Enter_KimiChat_speaks_the_UI_language_and_the_chat_is_the_same()
    {
        var en = ChatIn("en-US", out var enReads, out var enModel);
        var zh = ChatIn("zh-CN", out var zhReads, out var zhModel);

        var enText = LiveTextTests.Text(LiveTextTests.Live(en));
        var zhText = LiveTextTests.Text(LiveTextTests.Live(zh));
        Assert.Contains("you> ", enText);
        Assert.Contains("Model: kimi-k2.5.", enText);
        Assert.Contains("use another model from the next answer on", enText);
        Assert.Contains("/nonsense is not a command.", enText);
        Assert.Contains("Forgot 1 turn(s); 0 left.", enText);
        Assert.Matches(@"Tokens in this session: prompt \d+ \(cached 0\) \+ completion \d+ = \d+ over 1 answer\(s\)\.", enText);
        Assert.DoesNotMatch(Han, enText);
        Assert.Contains("你> ", zhText);
        Assert.Contains("模型：kimi-k2.5。", zhText);
        Assert.Contains("/model <id>", zhText);
        Assert.Contains("从下一个回答起改用另一个模型", zhText);
        Assert.Contains("/nonsense 不是命令。", zhText);
        Assert.Contains("已撤回 1 轮对话，剩余 0 轮。", zhText);
        Assert.Matches(@"本次对话使用的 tokens：输入 \d+（缓存 0）\+ 输出 \d+ = \d+，共 1 个回答。", zhText); // not the English usage text
        Assert.Contains("Echo: one", zhText);
        Assert.Equal(enReads, zhReads);
        Assert.Equal(enModel, zhModel);
        Assert.Equal(en.Output.Select(o => o.ToString()), zh.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void The_thinking_label_is_in_the_UI_language()
    {
        string Live(string culture)
        {
            using var hosted = LiveTextTests.StartTerminal(out _, vt: false);
            hosted.Emulator.Enqueue(LiveTextTests.Answer("The answer.", reasoning: "Let me think."));
            var run = hosted.Run($"[System.Threading.Thread]::CurrentThread.CurrentUICulture = '{culture}'\nInvoke-KimiChat 'why' -Stream").ThrowOnError();
            Assert.Equal("Let me think.", Assert.Single(run.Output).Prop("ReasoningContent"));
            return LiveTextTests.Text(LiveTextTests.Live(run));
        }

        Assert.Equal("[thinking] Let me think.\nThe answer.\n", Live("en-US"));
        Assert.Equal("[思考] Let me think.\nThe answer.\n", Live("zh-CN"));
    }

    [Fact]
    public void ContentOnly_with_LiveText_Always_is_the_same_error_in_both_languages()
    {
        using var hosted = HostedKimi.Start();
        HostedRun RunIn(string culture) => hosted.Run($"[System.Threading.Thread]::CurrentThread.CurrentUICulture = '{culture}'\nInvoke-KimiChat 'x' -ContentOnly -LiveText Always");

        var en = RunIn("en-US").FirstError!;
        var zh = RunIn("zh-CN").FirstError!;

        Assert.Equal(en.FullyQualifiedErrorId, zh.FullyQualifiedErrorId);
        Assert.StartsWith("KimiInvalidParameter", zh.FullyQualifiedErrorId);
        Assert.Equal(en.CategoryInfo.Category, zh.CategoryInfo.Category);
        Assert.Contains("-LiveText Always", en.Exception.Message);
        Assert.DoesNotMatch(Han, en.Exception.Message);
        Assert.Contains("-LiveText Always", zh.Exception.Message);
        Assert.Contains("会把文本写入输出", zh.Exception.Message);
        Assert.Contains("请二选一", zh.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(hosted.Emulator.Requests, r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
    }
}
