using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>
/// What a user sees: every output type through its default view (Out-String), Format-List * and
/// ToString, connected with a distinctive key. Readable (the values, not type names), no exception,
/// and never more of the key than its hint <c>sk-…abcd</c>.
/// </summary>
public sealed class ViewTests : IDisposable
{
    // Distinctive, so a leak of any long part of it is found: the middle never appears anywhere.
    private const string Key = "sk-viewtest-QUOKKA7PLATYPUS9WOMBAT-wxyz";
    private const string KeyMiddle = "QUOKKA7PLATYPUS9WOMBAT";
    private const string Hint = "sk-…wxyz";

    private readonly HostedKimi _hosted;

    public ViewTests()
    {
        _hosted = HostedKimi.Start(connect: false);
        _hosted.Emulator.AcceptedKeys.Add(Key);
        _hosted.Connect(Key);
    }

    public void Dispose() => _hosted.Dispose();

    /// <summary>Each way a user looks at an object, as one text: default view, Format-List *, ToString and a string in quotes.</summary>
    private const string Renderings = """
        param($o)
        $PSStyle.OutputRendering = 'PlainText'
        ($o | Out-String -Width 200) + "`n---FL---`n" + ($o | Format-List * | Out-String -Width 200) +
          "`n---TS---`n" + $o.ToString() + "`n---Q---`n" + "$o"
        """;

    private string Render(string producer, string expectedType)
    {
        var run = _hosted.Run($"$o = . {{ {producer} }}; $o | ForEach-Object {{ $_.GetType().FullName }}; & {{ {Renderings} }} $o").ThrowOnError();
        Assert.True(run.Output.Count >= 2, $"{producer} produced nothing.");
        Assert.Equal(expectedType, run.Output[0].BaseObject as string);
        var text = (string)run.Output[^1].BaseObject;
        Assert.DoesNotContain(KeyMiddle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.True(text.Trim().Length > 0, $"{producer}: nothing is shown.");
        // Readable: a nested object shows its values, not its type name (Format-List * uses ToString).
        Assert.False(text.Contains("KimiPS.Core.", StringComparison.Ordinal), $"{producer} shows a type name:\n{text}");
        return text;
    }

    [Fact]
    public void ChatCompletion_shows_the_answer_and_usage()
    {
        var text = Render("Invoke-KimiChat 'view me'", "KimiPS.Core.ChatCompletion");
        Assert.Contains("Echo: view me", text, StringComparison.Ordinal);
        Assert.Contains("FinishReason", text, StringComparison.Ordinal);
        Assert.DoesNotContain("KimiPS.Core.ChatUsage", text, StringComparison.Ordinal);   // usage reads as numbers
    }

    [Fact]
    public void ChatChunk_default_view_renders_without_error()
    {
        // The chunk's own view belongs to another change; here: every chunk renders, with no key.
        var run = _hosted.Run($"$chunks = Invoke-KimiChat 'stream me' -Stream; foreach ($o in $chunks) {{ & {{ {Renderings} }} $o }}").ThrowOnError();
        Assert.True(run.Output.Count > 1);
        var all = string.Concat(run.Output.Select(o => (string)o.BaseObject));
        Assert.DoesNotContain(KeyMiddle, all, StringComparison.Ordinal);
        Assert.Contains("stre", all, StringComparison.Ordinal);
    }

    [Fact]
    public void KimiConversation_shows_its_messages()
    {
        var text = Render("$c = New-KimiConversation -SystemPrompt 'Be brief.'; $null = Invoke-KimiChat 'conv me' -Conversation $c; $c", "KimiPS.Core.KimiConversation");
        Assert.Contains("Be brief.", text, StringComparison.Ordinal);
        Assert.Contains("Echo: conv me", text, StringComparison.Ordinal);
        // No -Model: the view says which model answers instead of a blank.
        Assert.Matches(@"(?m)^Model\s+: \S", text);
    }

    [Fact]
    public void ChatMessage_shows_role_and_content()
    {
        var text = Render("$c = New-KimiConversation -SystemPrompt 'Be brief.'; $c.Messages[0]", "KimiPS.Core.ChatMessage");
        Assert.Contains("system", text, StringComparison.Ordinal);
        Assert.Contains("Be brief.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChatMessage_with_an_image_shows_its_parts_not_their_type()
    {
        var image = Path.Combine(Path.GetTempPath(), $"kimips-view-{Guid.NewGuid():n}.png");
        File.WriteAllBytes(image, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]);
        try
        {
            var text = Render($"$c = New-KimiConversation; $null = Invoke-KimiChat 'what is this?' -Image '{image}' -Model kimi-k2.6 -Conversation $c; $c.Messages[0]", "KimiPS.Core.ChatMessage");
            Assert.Contains("what is this?", text, StringComparison.Ordinal);
            Assert.Contains("image_url: data:image/png", text, StringComparison.Ordinal);
            Assert.DoesNotContain("iVBORw0KGgo", text, StringComparison.Ordinal);   // not the whole base64 payload
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public void KimiFile_and_KimiFileContent_show_name_size_and_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kimips-view-{Guid.NewGuid():n}.txt");
        File.WriteAllText(path, "hello view");
        try
        {
            var file = Render($"Send-KimiFile -LiteralPath '{path}'", "KimiPS.Core.KimiFile");
            Assert.Contains(Path.GetFileName(path), file, StringComparison.Ordinal);
            Assert.Contains("file-extract", file, StringComparison.Ordinal);
            var content = Render("Get-KimiFile | Get-KimiFileContent", "KimiPS.Core.KimiFileContent");
            Assert.Contains(Path.GetFileName(path), content, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void KimiModel_shows_id_and_context_length()
    {
        var text = Render("Get-KimiModel | Select-Object -First 1", "KimiPS.Core.KimiModel");
        Assert.Contains("kimi", text, StringComparison.Ordinal);
        Assert.Contains("ContextLength", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KimiBalance_shows_the_amounts()
    {
        var text = Render("Get-KimiBalance", "KimiPS.Core.KimiBalance");
        Assert.Contains("AvailableBalance", text, StringComparison.Ordinal);
        Assert.Matches(@"\d", text);
        // A custom BaseUri cannot know the currency: then the amount stands alone, with no dangling space.
        Assert.Matches(@"---TS---\n\d+(\.\d+)?\n", text);
    }

    [Fact]
    public void KimiTokenCount_shows_the_count()
    {
        var text = Render("Measure-KimiToken 'count me'", "KimiPS.Core.KimiTokenCount");
        Assert.Matches(@"\d", text);
        Assert.Contains("Tokens", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KimiConnectionTest_shows_what_was_checked()
    {
        var text = Render("Test-KimiConnection", "KimiPS.Core.KimiConnectionTest");
        Assert.Contains("Success", text, StringComparison.Ordinal);
        Assert.Contains("True", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" .", text, StringComparison.Ordinal);   // "available balance 49.58894 ." with no currency
    }

    [Fact]
    public void ChatTool_shows_name_and_description()
    {
        var text = Render("New-KimiTool -Name get_weather -Description 'Weather of a city'", "KimiPS.Core.ChatTool");
        Assert.Contains("get_weather", text, StringComparison.Ordinal);
        Assert.Contains("Weather of a city", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KimiConnection_shows_only_the_key_hint()
    {
        var text = Render($"Connect-Kimi -BaseUri '{_hosted.Emulator.BaseUri}' -ApiKey (ConvertTo-SecureString '{Key}' -AsPlainText -Force) -MaxConcurrency 4 -RequestsPerMinute 200 -PassThru", "KimiPS.KimiConnection");
        Assert.Contains(Hint, text, StringComparison.Ordinal);
        Assert.Contains("concurrency 4, RPM 200", text, StringComparison.Ordinal);
        Assert.Contains(_hosted.Emulator.BaseUri.Authority, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertTo_Json_of_the_connection_and_an_auth_error_show_no_key()
    {
        var run = _hosted.Run($$"""
            $PSStyle.OutputRendering = 'PlainText'
            $conn = Connect-Kimi -BaseUri '{{_hosted.Emulator.BaseUri}}' -ApiKey (ConvertTo-SecureString '{{Key}}' -AsPlainText -Force) -PassThru
            $conn | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            try { Connect-Kimi -BaseUri '{{_hosted.Emulator.BaseUri}}' -ApiKey (ConvertTo-SecureString 'sk-wrong-{{KeyMiddle}}-0000' -AsPlainText -Force) -ErrorAction Stop } catch { $e = $_ }
            $e | Out-String -Width 200
            $e | Format-List * -Force | Out-String -Width 200
            """);
        var all = string.Concat(run.Output.Select(o => o.BaseObject?.ToString()));
        Assert.True(all.Contains("KimiAuthenticationFailed", StringComparison.Ordinal), all);   // the failed connect was rendered
        Assert.DoesNotContain(KeyMiddle, all, StringComparison.Ordinal);
    }
}
