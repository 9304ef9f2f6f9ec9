using System.Management.Automation;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Conversations;

/// <summary>New-/Export-KimiConversation: one file per conversation, -Path resolution like built-in cmdlets, providers.</summary>
public sealed class ExportKimiConversationTests
{
    private const string Cmd = "ExportKimiConversationCommand";

    private static Dictionary<string, object?> In(ScratchFolder dir) => new() { ["dir"] = dir.Path };

    [Fact]
    public void New_KimiConversation_returns_a_conversation_with_its_system_prompt_and_model_and_sends_nothing()
    {
        using var hosted = HostedKimi.Start();
        var before = hosted.Emulator.Counters.Requests;

        var run = hosted.Run("New-KimiConversation 'Be brief.' -Model kimi-k3").ThrowOnError();

        var c = Ps.Of("KimiConversation", Assert.Single(run.Objects));
        Assert.Equal(1, (int)c.Messages.Count);
        Assert.Equal(("system", "Be brief.", "kimi-k3"), ((string)c.Messages[0].Role, (string)c.Messages[0].Content, (string)c.Model));
        Assert.Equal(before, hosted.Emulator.Counters.Requests);
    }

    [Fact]
    public void Out_String_of_KimiConversation_lists_model_turns_and_last_answer()
    {
        using var hosted = HostedKimi.Start();

        var text = (string)hosted.Run("$c = New-KimiConversation -Model kimi-k2.6; $null = Invoke-KimiChat 'hello' -Conversation $c; $c | Out-String").ThrowOnError().Objects.Single();

        Assert.Matches(@"Model\s+: kimi-k2\.6", text);
        Assert.Matches(@"TurnCount\s+: 1", text);
        Assert.Matches(@"Messages\s+: 2", text);
        Assert.Matches(@"LastAnswer\s+: Echo: hello", text);
    }

    [Fact]
    public void Round_trip_with_PassThru_returns_the_written_file()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        var run = hosted.Run("""
            Set-Location $dir
            $c = New-KimiConversation 'sys'; $null = Invoke-KimiChat 'q1' -Conversation $c
            $c | Export-KimiConversation ./c.json -PassThru
            (Import-KimiConversation ./c.json).Messages | ForEach-Object { "$($_.Role)=$($_.Content)" }
            """, In(dir)).ThrowOnError();

        var file = Assert.IsType<FileInfo>(run.Objects[0]);
        Assert.Equal(Path.Combine(dir.Path, "c.json"), file.FullName);
        Assert.True(file.Length > 0);
        Assert.Equal(["system=sys", "user=q1", "assistant=Echo: q1"], run.Objects.Skip(1).Cast<string>());
    }

    [Fact]
    public void The_file_writes_quotes_as_a_reader_expects_and_reads_back_the_same_text()
    {
        // Field note D28: quotes came out as \u0022, valid JSON but hard to read in a file the help calls readable.
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        const string text = "Say \"hi\" to <b>you</b> & me: {\"x\":1} 你好";

        var run = hosted.Run("""
            Set-Location $dir
            $c = New-KimiConversation $text
            $c | Export-KimiConversation ./c.json
            Get-Content -Raw ./c.json
            (Import-KimiConversation ./c.json).Messages[0].Content
            """, new Dictionary<string, object?> { ["dir"] = dir.Path, ["text"] = text }).ThrowOnError();

        var json = (string)run.Objects[0]!;
        Assert.DoesNotContain("\\u0022", json);
        Assert.Contains("Say \\\"hi\\\" to <b>you</b> & me: {\\\"x\\\":1} 你好", json);
        Assert.Equal(text, run.Objects[1]);
    }

    [Fact]
    public void Several_conversations_to_one_Path_write_the_first_and_refuse_the_others_naming_Path()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        var run = hosted.Run("""
            Set-Location $dir
            $a = New-KimiConversation 'first'; $b = New-KimiConversation 'second'
            $a, $b | Export-KimiConversation ./two.json -PassThru -ErrorAction Continue -ErrorVariable global:failed
            (Import-KimiConversation ./two.json).Messages[0].Content
            """, In(dir));

        Assert.Single(run.Objects.OfType<FileInfo>());
        Assert.Equal("first", run.Objects.OfType<string>().Single());
        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiPathAlreadyWritten", ErrorCategory.InvalidOperation, Cmd);
        Assert.Contains("Parameter 'Path'", e.Exception.Message);
        Assert.Equal("second", (string)Ps.Of("KimiConversation", e.TargetObject).Messages[0].Content);

        // The refused conversation re-runs from its TargetObject to a file of its own.
        hosted.Run("$global:failed.TargetObject | Export-KimiConversation ./second.json").ThrowOnError();
        Assert.True(File.Exists(Path.Combine(dir.Path, "second.json")));
    }

    [Fact]
    public void Wildcard_Path_resolves_to_one_existing_file_and_never_creates_a_file_named_with_wildcards()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        var none = hosted.Run("Set-Location $dir; New-KimiConversation | Export-KimiConversation './c*.json' -ErrorAction Continue", In(dir));
        var e = ErrorAssert.Is(none.FirstError, "KimiPathNotFound", ErrorCategory.ObjectNotFound, Cmd);
        Assert.Contains("-LiteralPath", e.ErrorDetails.RecommendedAction);
        Assert.Empty(Directory.GetFiles(dir.Path));

        dir.File("chat.json", "old");
        hosted.Run("Set-Location $dir; New-KimiConversation 'new' | Export-KimiConversation './c*.json'", In(dir)).ThrowOnError();
        Assert.Contains("\"new\"", File.ReadAllText(Path.Combine(dir.Path, "chat.json")));
        Assert.Single(Directory.GetFiles(dir.Path));

        dir.File("cat.json", "old");
        var many = hosted.Run("Set-Location $dir; New-KimiConversation | Export-KimiConversation './c*.json' -ErrorAction Continue", In(dir));
        var m = ErrorAssert.Is(many.FirstError, "KimiInvalidParameter", ErrorCategory.InvalidArgument, Cmd);
        Assert.Contains("Parameter 'Path'", m.Exception.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(dir.Path, "cat.json")));
    }

    [Fact]
    public void LiteralPath_writes_a_name_with_brackets_exactly()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        hosted.Run("Set-Location $dir; New-KimiConversation 'x' | Export-KimiConversation -LiteralPath './c[1].json'", In(dir)).ThrowOnError();

        Assert.Equal(["c[1].json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("Variable:\\x")]
    [InlineData("Env:/X")]
    public void A_path_outside_the_FileSystem_is_refused_and_nothing_is_written(string path)
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        var run = hosted.Run($"Set-Location $dir; New-KimiConversation | Export-KimiConversation '{path}' -ErrorAction Continue", In(dir));

        var e = ErrorAssert.Is(run.FirstError, "KimiInvalidParameter", ErrorCategory.InvalidArgument, Cmd);
        Assert.Contains("Parameter 'Path'", e.Exception.Message);
        Assert.Contains("FileSystem", e.Exception.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_directory_as_Path_says_it_is_a_directory()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        var run = hosted.Run("New-KimiConversation | Export-KimiConversation -Path $dir -ErrorAction Continue", In(dir));

        var e = ErrorAssert.Is(run.FirstError, "KimiInvalidParameter", ErrorCategory.InvalidArgument, Cmd);
        Assert.Contains("is a directory", e.Exception.Message);
    }

    [Fact]
    public void NoClobber_refuses_an_existing_file_and_WhatIf_writes_nothing()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var existing = dir.File("c.json", "keep");

        var run = hosted.Run("Set-Location $dir; New-KimiConversation | Export-KimiConversation ./c.json -NoClobber -ErrorAction Continue; New-KimiConversation | Export-KimiConversation ./w.json -WhatIf", In(dir));

        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiFileExists", ErrorCategory.ResourceExists, Cmd);
        Ps.Of("KimiConversation", e.TargetObject);
        Assert.Equal("keep", File.ReadAllText(existing));
        Assert.False(File.Exists(Path.Combine(dir.Path, "w.json")));
    }
}
