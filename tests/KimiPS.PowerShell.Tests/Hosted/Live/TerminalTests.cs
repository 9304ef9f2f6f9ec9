using System.Diagnostics;
using System.Text.RegularExpressions;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Hosted.ChatRun;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Live;

/// <summary>Skipped, with the reason, only where tmux is not installed; .ci/run installs it, so CI always runs these.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Tmux.Installed) Skip = "tmux is not installed here (.ci/run installs it with apt-get install tmux).";
    }
}

/// <summary>
/// Live text in a real terminal (issue 10 item 6): pwsh from the tool manifest inside tmux, against the emulator
/// sending its chunks apart. What the pane shows is read with capture-pane, as a user would see it.
/// And the same call with stdout redirected (pwsh -c … &gt; file), which must get objects only.
/// </summary>
public sealed class TerminalTests
{
    private const string AnswerText = "The quick brown fox jumps over the lazy dog while the answer keeps flowing onto one line";

    private static string Prelude(KimiEmulator emulator) =>
        $"Import-Module '{TestPaths.StagedManifest}'; " +
        $"Connect-Kimi -BaseUri '{emulator.BaseUri}' -ApiKey (ConvertTo-SecureString '{KimiEmulator.ApiKey}' -AsPlainText -Force); ";

    private static EmulatorResponse SlowAnswer() =>
        Faults.With(EmulatorResponse.Chat(new ChatScript { Content = AnswerText }), r => r.DelayBetweenWrites = TimeSpan.FromMilliseconds(150));

    [TmuxFact]
    public void In_tmux_the_answer_flows_on_one_line_while_it_is_generated_and_is_shown_once()
    {
        using var emulator = KimiEmulator.Start();
        emulator.Enqueue(SlowAnswer());
        using var tmux = Tmux.Start(TestPaths.RepoRoot, "dotnet tool run pwsh -- -NoLogo -NoProfile");
        Assert.True(tmux.WaitFor(p => p.Contains("PS "), TimeSpan.FromSeconds(120)), "pwsh did not start:\n" + tmux.Capture());

        tmux.SendLine(Prelude(emulator) + "Invoke-KimiChat 'go' -Stream -Thinking disabled");

        // Mid-answer: a line holds the first words (several chunks of 4 characters) but not yet the whole answer.
        string? partial = null;
        Assert.True(tmux.WaitFor(p =>
        {
            var line = p.Split('\n').FirstOrDefault(l => l.StartsWith("The quick brown", StringComparison.Ordinal));
            if (line is null || line.TrimEnd().EndsWith("one line", StringComparison.Ordinal)) return false;
            partial = line.TrimEnd();
            return true;
        }, TimeSpan.FromSeconds(60)), "no partial answer was seen on one line:\n" + tmux.Capture());
        Assert.True(partial!.Length < AnswerText.Length, partial);
        Assert.StartsWith(partial, AnswerText, StringComparison.Ordinal);

        Assert.True(tmux.WaitFor(p => p.Contains("FinishReason : stop"), TimeSpan.FromSeconds(60)), "the answer did not end:\n" + tmux.Capture());
        var screen = tmux.Capture();
        Assert.Single(Regex.Matches(screen, Regex.Escape(AnswerText)));
        var lines = screen.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(AnswerText, lines); // the whole answer on one line of its own (the pane is wide enough)
        Assert.True(lines.IndexOf(AnswerText) < lines.FindIndex(l => l.StartsWith("FinishReason", StringComparison.Ordinal)), screen);
    }

    /// <summary>
    /// pwsh in tmux running <c>$c = Enter-KimiChat -PassThru</c>, its first question asked and its answer (<paramref name="length"/>
    /// Z's, 100 ms between the emulator's writes) begun on the screen.
    /// </summary>
    private static Tmux StartChatAnswering(KimiEmulator emulator, int length)
    {
        emulator.Enqueue(Faults.With(EmulatorResponse.Chat(new ChatScript { Content = new string('Z', length) }), r => r.DelayBetweenWrites = TimeSpan.FromMilliseconds(100)));
        var tmux = Tmux.Start(TestPaths.RepoRoot, "dotnet tool run pwsh -- -NoLogo -NoProfile");
        try
        {
            Assert.True(tmux.WaitFor(p => p.Contains("PS "), TimeSpan.FromSeconds(120)), "pwsh did not start:\n" + tmux.Capture());
            tmux.SendLine(Prelude(emulator) + "$c = Enter-KimiChat -PassThru");
            Assert.True(tmux.WaitFor(p => p.Contains("you> "), TimeSpan.FromSeconds(60)), "no chat prompt:\n" + tmux.Capture());
            tmux.SendLine("first question");
            Assert.True(tmux.WaitFor(p => p.Contains("ZZZZ"), TimeSpan.FromSeconds(60)), "the answer did not start:\n" + tmux.Capture());
            return tmux;
        }
        catch
        {
            tmux.Dispose();
            throw;
        }
    }

    [TmuxFact]
    public void In_tmux_Enter_KimiChat_answers_live_and_Ctrl_C_cancels_the_answer_not_the_chat()
    {
        using var emulator = KimiEmulator.Start();
        using var tmux = StartChatAnswering(emulator, 600);
        tmux.SendKey("C-c");
        Assert.True(tmux.WaitFor(p => p.Contains("[answer cancelled]"), TimeSpan.FromSeconds(30)), "Ctrl+C did not cancel the answer:\n" + tmux.Capture());
        Assert.DoesNotContain(new string('Z', 600), tmux.Capture());

        tmux.SendLine("second question");
        Assert.True(tmux.WaitFor(p => p.Contains("Echo: second question"), TimeSpan.FromSeconds(60)), "the chat did not go on:\n" + tmux.Capture());
        tmux.SendLine("/exit");
        tmux.SendLine("'TURNS=' + $c.TurnCount");
        Assert.True(tmux.WaitFor(p => p.Contains("TURNS=1"), TimeSpan.FromSeconds(60)), "the conversation did not come back with one turn:\n" + tmux.Capture());
    }

    [TmuxFact]
    public void In_tmux_Enter_KimiChat_keeps_a_question_typed_while_the_answer_streams_and_asks_it_next()
    {
        using var emulator = KimiEmulator.Start();
        using var tmux = StartChatAnswering(emulator, 80);
        // Typed while the answer streams, with a slip corrected by Backspace: asked as soon as the answer ends.
        tmux.SendKeysLiteral("second questiom");
        tmux.SendKey("BSpace");
        tmux.SendLine("n");

        Assert.True(tmux.WaitFor(p => p.Contains("Echo: second question"), TimeSpan.FromSeconds(60)), "the question typed ahead was lost:\n" + tmux.Capture());
        Assert.Contains("you> second question", tmux.Capture());
        tmux.SendLine("/exit");
        tmux.SendLine("'TURNS=' + $c.TurnCount");
        Assert.True(tmux.WaitFor(p => p.Contains("TURNS=2"), TimeSpan.FromSeconds(60)), "the conversation did not come back with two turns:\n" + tmux.Capture());
    }

    [Fact]
    public async Task With_stdout_redirected_pwsh_c_gets_ChatChunk_objects_and_no_live_text()
    {
        await using var emulator = KimiEmulator.Start();
        var script = Prelude(emulator) +
                     "$r = Invoke-KimiChat 'redirected run' -Stream -Thinking disabled; " +
                     "'TYPES=' + (($r | ForEach-Object { $_.GetType().Name } | Select-Object -Unique) -join ','); 'TEXT=' + (-join $r)";

        var run = await ChildProcess.RunAsync("dotnet", ["tool", "run", "pwsh", "--", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", script],
            TestPaths.RepoRoot, new Dictionary<string, string?>(), TimeSpan.FromMinutes(3));

        Assert.False(run.TimedOut, run.Output);
        Assert.Contains("TYPES=ChatChunk\n", run.Output.Replace("\r", ""));
        Assert.Contains("TEXT=Echo: redirected run", run.Output);
        Assert.Single(Regex.Matches(run.Output, "Echo: redirected run")); // no live copy of the text before it
    }
}

/// <summary>One tmux server of the test's own (its own socket), with one window running a command.</summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _socket;

    private Tmux(string socket) => _socket = socket;

    public static bool Installed { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            return Run(null, "-V").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static Tmux Start(string workingDirectory, string command)
    {
        var tmux = new Tmux("kimips-" + Guid.NewGuid().ToString("N")[..12]);
        var start = tmux.Call("new-session", "-d", "-x", "200", "-y", "50", "-c", workingDirectory, command);
        Assert.True(start.ExitCode == 0, "tmux new-session failed: " + start.Output);
        return tmux;
    }

    public void SendLine(string text)
    {
        Assert.Equal(0, Call("send-keys", "-l", text).ExitCode);
        Assert.Equal(0, Call("send-keys", "Enter").ExitCode);
    }

    public void SendKey(string key) => Assert.Equal(0, Call("send-keys", key).ExitCode);

    public void SendKeysLiteral(string text) => Assert.Equal(0, Call("send-keys", "-l", text).ExitCode);

    /// <summary>The pane's text (its history included), one line per screen row.</summary>
    public string Capture() => Call("capture-pane", "-p", "-J", "-S", "-200").Output.Replace("\r", "");

    public bool WaitFor(Func<string, bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (condition(Capture())) return true;
            Thread.Sleep(50);
        }
        return false;
    }

    public void Dispose() => Call("kill-server");

    private (int ExitCode, string Output) Call(params string[] arguments) => Run(_socket, arguments);

    private static (int ExitCode, string Output) Run(string? socket, params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (socket != null)
        {
            start.ArgumentList.Add("-L");
            start.ArgumentList.Add(socket);
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(true);
            return (-1, "tmux did not answer in 30 s");
        }
        return (process.ExitCode, output.Result + error.Result);
    }
}
