using System.Management.Automation;
using System.Text;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Conversations;

/// <summary>Import-KimiConversation: encodings, what a hand-edited file may and may not hold, per-file errors.</summary>
public sealed class ImportKimiConversationTests
{
    private const string Cmd = "ImportKimiConversationCommand";
    private const string Json = """[{"role":"user","content":"hi é"},{"role":"assistant","content":"hello"}]""";

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Reads_UTF8_with_or_without_BOM_and_UTF16_LE_and_BE(string encoding)
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        Encoding e = encoding switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        var path = dir.Bytes("c.json", [.. e.GetPreamble(), .. e.GetBytes(Json)]);

        var run = hosted.Run("Import-KimiConversation -LiteralPath $p", new Dictionary<string, object?> { ["p"] = path }).ThrowOnError();

        var c = Ps.Of("KimiConversation", Assert.Single(run.Objects));
        IEnumerable<dynamic> messages = c.Messages;
        Assert.Equal(["hi é", "hello"], messages.Select(m => (string)m.Content));
    }

    [Fact]
    public void Reads_what_Out_File_Encoding_unicode_writes()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        var run = hosted.Run("""
            Set-Location $dir
            '[{"role":"user","content":"hi"}]' | Out-File ./u16.json -Encoding unicode
            (Import-KimiConversation ./u16.json).Messages[0].Content
            """, new Dictionary<string, object?> { ["dir"] = dir.Path }).ThrowOnError();

        Assert.Equal("hi", Assert.Single(run.Objects));
    }

    [Theory]
    [InlineData("""[{"role":"user","content":"a"},{"role":"wizard","content":"hi"}]""", "'wizard'", "message 1")]
    [InlineData("""[{"role":"user","content":12345}]""", "number", "message 0")]
    [InlineData("""[{"role":"user","content":null}]""", "null", "message 0")]
    [InlineData("""[{"role":"system","content":true}]""", "true", "message 0")]
    [InlineData("""[{"role":"user","content":"a"},{"role":"assistant"}]""", "content", "message 1")]
    [InlineData("""[5]""", "object", "message 0")]
    public void Bad_roles_and_content_are_KimiInvalidConversationFile_naming_the_message(string json, string problem, string where)
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var bad = dir.File("bad.json", json);

        var run = hosted.Run("Import-KimiConversation -LiteralPath $p -ErrorAction Continue", new Dictionary<string, object?> { ["p"] = bad });

        Assert.Null(run.Terminating);
        Assert.Empty(run.Output);
        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiInvalidConversationFile", ErrorCategory.InvalidData, Cmd);
        Assert.Contains(problem, e.Exception.Message);
        Assert.Contains(where, e.Exception.Message);
        Assert.Equal(bad, ErrorAssert.TargetPath(e));
    }

    [Fact]
    public void Null_content_beside_tool_calls_is_allowed_as_the_API_allows_it()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        var path = dir.File("tools.json", """
            [{"role":"user","content":"add"},
             {"role":"assistant","content":null,"tool_calls":[{"id":"functions.add:0","type":"function","function":{"name":"add","arguments":"{}"}}]},
             {"role":"tool","tool_call_id":"functions.add:0","content":"3"}]
            """);

        var run = hosted.Run("Import-KimiConversation -LiteralPath $p", new Dictionary<string, object?> { ["p"] = path }).ThrowOnError();

        var c = Ps.Of("KimiConversation", Assert.Single(run.Objects));
        Assert.Null((string?)c.Messages[1].Content);
        Assert.Equal(1, (int)c.Messages[1].ToolCalls.Count);
        Assert.Equal("add", (string)c.Messages[1].ToolCalls[0].Name);
    }

    [Fact]
    public void A_bad_file_fails_alone_the_others_import_and_it_reruns_from_TargetObject()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();
        dir.File("a.json", Json);
        var bad = dir.File("b[1].json", "not json");
        dir.File("c.json", Json);

        var run = hosted.Run("Get-ChildItem -LiteralPath $dir | Sort-Object Name | Import-KimiConversation -ErrorAction Continue -ErrorVariable global:failed",
            new Dictionary<string, object?> { ["dir"] = dir.Path });
        Assert.Equal(2, run.Objects.Where(o => Ps.IsA(o, "KimiConversation")).Count());
        Assert.Equal(bad, ErrorAssert.TargetPath(Assert.Single(run.Errors)));

        File.WriteAllText(bad, Json);
        var again = hosted.Run("$global:failed.TargetObject | Import-KimiConversation").ThrowOnError();
        Ps.Of("KimiConversation", Assert.Single(again.Objects));
    }

    [Fact]
    public void A_directory_says_it_is_a_directory()
    {
        using var hosted = HostedKimi.Start();
        using var dir = new ScratchFolder();

        var run = hosted.Run("Import-KimiConversation -LiteralPath $dir -ErrorAction Continue", new Dictionary<string, object?> { ["dir"] = dir.Path });

        var e = ErrorAssert.Is(Assert.Single(run.Errors), "KimiInvalidParameter", ErrorCategory.InvalidArgument, Cmd);
        Assert.Contains("Parameter 'LiteralPath'", e.Exception.Message);
        Assert.Contains("is a directory", e.Exception.Message);
    }
}
