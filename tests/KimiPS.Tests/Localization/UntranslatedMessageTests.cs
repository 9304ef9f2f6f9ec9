using System.Text;
using System.Text.RegularExpressions;
using KimiPS.Tests.Infrastructure;

namespace KimiPS.Tests.Localization;

/// <summary>
/// Every message KimiPS writes comes from the message table (src/KimiPS.Core/Text/Msg.*.cs), in English and
/// Simplified Chinese. This test reads the sources and lists every string literal outside the table that reads
/// like a sentence: each is a message someone wrote in English only. Move it into the table (see Msg.cs), or,
/// when it is not user-facing text (a debug line, text sent to the model, a pattern matched in server text),
/// add it below with the reason.
/// </summary>
public sealed class UntranslatedMessageTests
{
    /// <summary>Literals that are not user-facing messages, by file (relative to src/) and exact literal, with why.</summary>
    private static readonly (string File, string Literal, string Why)[] NotMessages =
    {
        ("KimiPS.Core/KimiClient.Account.cs", "$\"No balance: {ex.ErrorId}.\"", "debug line"),
        ("KimiPS.Core/Http/KimiHttp.cs", "$\"Not retrying {method} {uri.AbsolutePath}: {decision.Reason}.\"", "debug line"),
        ("KimiPS.Core/Http/KimiHttp.cs", "$\"HTTP {(int)response.StatusCode} from {method} {target.AbsolutePath} in {clock.ElapsedMilliseconds} ms (attempt {attempt}).\"", "debug line"),
        ("KimiPS.Core/Errors/RetryDecision.cs", "\"retry in \"", "debug line (RetryDecision.ToString)"),
        ("KimiPS.Core/Errors/RetryDecision.cs", "\"no retry: \"", "debug line (RetryDecision.ToString)"),
        ("KimiPS.Core/Errors/RetryHints.cs", "\"dddd, dd-MMM-yy HH:mm:ss 'GMT'\"", "HTTP date format"),
        ("KimiPS.Core/Errors/RetryHints.cs", "\"ddd MMM d HH:mm:ss yyyy\"", "HTTP date format"),
        ("KimiPS.Core/Policy/ModelPolicy.FollowUps.cs", "\"Please select a tool to handle the current issue.\"", "sent to the model"),
        ("KimiPS.Core/Policy/ModelPolicy.FollowUps.cs", "$\"Please call the tool '{name}' to handle the current issue.\"", "sent to the model"),
        ("KimiPS.Core/Module/ToolSchema.cs", "$\"Error: this tool has no parameter {Quote(refused)}; nothing was run. \"", "tool result sent to the model"),
        ("KimiPS.Core/Module/ToolSchema.cs", "\"It takes no parameters.\"", "tool result sent to the model"),
        ("KimiPS.Core/Module/ToolSchema.cs", "$\"Its parameters are: {allowed}.\"", "tool result sent to the model"),
        ("KimiPS.Core/Module/ToolOutput.cs", "\"(no output)\"", "tool result sent to the model"),
        ("KimiPS.Core/Module/ToolOutput.cs", "$\"\\n… (output truncated: {text.Length - keep} more characters)\"", "tool result sent to the model"),
        ("KimiPS/Internal/Chat/ChatToolExecution.cs", "\"The user declined to run this tool call.\"", "tool result sent to the model"),
        ("KimiPS/Commands/NewKimiToolCommand.cs", "$\"Runs the PowerShell command {command.Name}.\"", "tool description sent to the model"),
        ("KimiPS/Commands/NewKimiToolCommand.cs", "\"param($n) (Get-Help -Name $n -ErrorAction Ignore).Synopsis\"", "PowerShell script"),
        ("KimiPS.Core/Module/ChatInputBuilder.cs", "\"Fetch the content of every pending file before building the request.\"", "InvalidOperationException for a KimiPS bug, never shown"),
        ("KimiPS.Core/Throughput/OrderedWorkQueue.cs", "\"KimiPS work item\"", "thread name"),
        ("KimiPS.Core/Chat/ChatUsage.cs", "$\"prompt {PromptTokens} (cached {CachedTokens}) + completion {CompletionTokens} = {TotalTokens}\"", "output object's ToString: objects do not change with the culture"),
        ("KimiPS.Core/Module/KimiTokenCount.cs", "$\"{TotalTokens} tokens ({Model})\"", "output object's ToString"),
        ("KimiPS.Core/Throughput/KimiRateLimits.cs", "$\"concurrency {c}\"", "output object's ToString"),
        ("KimiPS/Internal/KimiConnection.cs", "$\"{BaseUri} ({Region}, key {KeyHint})\"", "output object's ToString"),
        ("KimiPS/Internal/ChatSessionCommand.cs", "\"/thinking on|off\"", "slash-command syntax in /help, typed as is"),
        ("KimiPS/Commands/ConnectKimiCommand.Production.cs", "\"param($getSecret, $name, $vault) $ErrorActionPreference = 'Stop'; if ($vault) { & $getSecret -Name $name -Vault $vault } else { & $getSecret -Name $name }\"", "PowerShell script"),
        ("KimiPS.Core/Audit/KimiPrice.cs", "$\"{Label}: input {InputPerMillion}, cached {CachedInputPerMillion}, output {OutputPerMillion} per million tokens, {PerWebSearch} per web search {Currency}\"", "output object's ToString"),
        ("KimiPS.Core/Audit/AuditLog.cs", "\"yyyy-MM-dd'T'HH:mm:ss.fff'Z'\"", "timestamp format of the log's JSON lines"),
        ("KimiPS.Core/Audit/AuditLog.cs", "\"A log path is required.\"", "ArgumentException for a KimiPS bug (the path is checked by AuditLogPath first), never shown"),
        ("KimiPS.Core/Module/SavedConnections.cs", "\"KimiPS saved connections (Connect-Kimi -SaveAs). No keys are stored here.\"", "note inside the saved-connections JSON file: a file's content does not change with the culture"),
    };

    // Server texts the catalogue matches (ErrorCatalog.BadRequest, LooksLikeQuota): English by the wire's definition.
    private static readonly HashSet<string> ServerPhrases = new(StringComparer.Ordinal)
    {
        "input token length too long", "exceeded model token limit", "token length", "token limit", "context length",
        "max file count", "too many files", "file size is zero", "file is empty", "file size is too large", "max file size",
        "file is too large", "considered high risk", "insufficient balance",
    };

    private static readonly Regex Prose = new(@"[A-Za-z][a-z]+[ ,;:][A-Za-z('{]", RegexOptions.CultureInvariant);
    // [Parameter(HelpMessage = "...")] must be a constant; PowerShell shows it only when it prompts for a mandatory value.
    private static readonly Regex AttributeArgument = new(@"HelpMessage\s*=\s*$", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_message_literal_is_in_the_message_table()
    {
        var src = Path.Combine(TestPaths.RepoRoot, "src");
        var untranslated = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
                || relative.StartsWith("KimiPS.Core/Text/", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            foreach (var (start, literal) in CSharpLiterals.Find(text))
            {
                if (literal.StartsWith("@", StringComparison.Ordinal) || !Prose.IsMatch(Holeless(literal))) continue;
                if (ServerPhrases.Contains(literal.Trim('"'))) continue;
                if (NotMessages.Any(n => n.File == relative && n.Literal == literal)) continue;
                if (AttributeArgument.IsMatch(text.Substring(Math.Max(0, start - 40), Math.Min(40, start)))) continue;
                var line = text.Take(start).Count(c => c == '\n') + 1;
                untranslated.Add($"src/{relative}:{line}: {literal}");
            }
        }

        Assert.True(untranslated.Count == 0,
            "Messages outside the message table (English only). Move each into src/KimiPS.Core/Text/Msg.<Area>.cs with its Chinese " +
            "(see Msg.cs), or list it in UntranslatedMessageTests.NotMessages with the reason it is not user-facing:\n"
            + string.Join("\n", untranslated));
    }

    [Fact]
    public void The_scanner_finds_an_English_message()
    {
        const string code = "class C { void M() { WriteWarning($\"The file {name} was not sent.\"); var x = \"kimi-k2.6\"; } } // \"a comment, not a message\"";
        var found = CSharpLiterals.Find(code).Select(l => l.Literal).Where(l => Prose.IsMatch(Holeless(l))).ToList();
        Assert.Equal(new[] { "$\"The file {name} was not sent.\"" }, found);
    }

    [Fact]
    public void Every_listed_exception_still_exists()
    {
        var src = Path.Combine(TestPaths.RepoRoot, "src");
        foreach (var (file, literal, why) in NotMessages)
        {
            var path = Path.Combine(src, file);
            Assert.True(File.Exists(path) && File.ReadAllText(path).Contains(literal, StringComparison.Ordinal),
                $"NotMessages lists {literal} in {file} ({why}), which is no longer there: remove the entry.");
        }
    }

    private static string Holeless(string literal) => Regex.Replace(literal, @"\{[^{}]*\}", "x");
}

/// <summary>Finds C# string literals ("…", $"…" with nested literals in holes, @"…"), skipping comments and char literals.</summary>
internal static class CSharpLiterals
{
    public static IEnumerable<(int Start, string Literal)> Find(string src)
    {
        var i = 0;
        while (i < src.Length)
        {
            var c = src[i];
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '/') { i = NextLine(src, i); continue; }
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '*') { var e = src.IndexOf("*/", i + 2, StringComparison.Ordinal); i = e < 0 ? src.Length : e + 2; continue; }
            if (c == '\'' ) { i = SkipChar(src, i); continue; }
            if (c == '@' && i + 1 < src.Length && src[i + 1] == '"')
            {
                var j = i + 2;
                while (j < src.Length && !(src[j] == '"' && (j + 1 >= src.Length || src[j + 1] != '"'))) j += src[j] == '"' ? 2 : 1;
                yield return (i, src.Substring(i, Math.Min(j + 1, src.Length) - i));
                i = j + 1;
                continue;
            }
            if (c == '"' || (c == '$' && i + 1 < src.Length && src[i + 1] == '"'))
            {
                var start = i;
                var interpolated = c == '$';
                i += interpolated ? 2 : 1;
                var depth = 0;
                while (i < src.Length)
                {
                    var ch = src[i];
                    if (ch == '\\') { i += 2; continue; }
                    if (interpolated && ch == '{')
                    {
                        if (depth == 0 && i + 1 < src.Length && src[i + 1] == '{') { i += 2; continue; }
                        depth++; i++; continue;
                    }
                    if (interpolated && ch == '}' && depth > 0) { depth--; i++; continue; }
                    if (interpolated && depth > 0 && ch == '"')
                    {
                        var j = i + 1;
                        while (j < src.Length && src[j] != '"') j += src[j] == '\\' ? 2 : 1;
                        i = j + 1;
                        continue;
                    }
                    if (ch == '"' && depth == 0) { i++; break; }
                    i++;
                }
                yield return (start, src.Substring(start, i - start));
                continue;
            }
            i++;
        }
    }

    private static int NextLine(string src, int i)
    {
        var e = src.IndexOf('\n', i);
        return e < 0 ? src.Length : e;
    }

    private static int SkipChar(string src, int i)
    {
        var m = Regex.Match(src.Substring(i, Math.Min(8, src.Length - i)), @"^'(\\.[^']*|[^\\'])'");
        return m.Success ? i + m.Length : i + 1;
    }
}
