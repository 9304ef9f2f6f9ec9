using System.Text.RegularExpressions;

namespace KimiPS.HelpGen;

/// <summary>
/// The "Default value" Get-Help shows for a parameter. The generator reads metadata only (nothing of the
/// module runs), so a property initializer cannot be seen: the default comes from the doc comment, which
/// already states it for the reader. A <c>&lt;value&gt;</c> tag on the property wins; else the summary's
/// own words ("Default 2.", "Default: kimi-k2.6.", "(default 1)", "file-extract (default: ...)",
/// "China (..., the default)"). The pwsh help tests compare these with the cmdlets' real initial values.
/// </summary>
internal static partial class DefaultValues
{
    public const string None = "None";

    public static string For(bool isSwitch, string? valueTag, IReadOnlyList<string> description)
    {
        if (!string.IsNullOrWhiteSpace(valueTag))
        {
            return valueTag.Trim();
        }

        var text = string.Join(" ", description);
        foreach (var pattern in new[] { NamedTheDefault(), NamedThenDefault(), Parenthesized(), Sentence() })
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return match.Groups["v"].Value.Trim();
            }
        }

        return isSwitch ? "False" : None;
    }

    // "China (api.moonshot.cn, the default)"
    [GeneratedRegex(@"(?<v>[\w.-]+) \((?:[^)]*, )?the default\)")]
    private static partial Regex NamedTheDefault();

    // "file-extract (default: the text is extracted for chat)"
    [GeneratedRegex(@"(?<v>[\w.-]+) \(default:")]
    private static partial Regex NamedThenDefault();

    // "(default 1)"
    [GeneratedRegex(@"\(default:?\s+(?<v>[^)]+)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Parenthesized();

    // "Default 2." / "Default: kimi-k2.6." / "With -Command, default: the command's name." (a dot inside a
    // version is not the sentence's end: the end is a dot followed by a space or the end of the text).
    [GeneratedRegex(@"\bdefault:?\s+(?<v>.+?)\.(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Sentence();
}
