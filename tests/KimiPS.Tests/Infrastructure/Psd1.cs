using System.Text.RegularExpressions;

namespace KimiPS.Tests.Infrastructure;

/// <summary>
/// Just enough of a .psd1 reader for the manifest's own shape: `Key = 'value'` and
/// `Key = @('a', 'b')` (one item per line or comma-separated). Keys are unique in our manifest,
/// so nesting (PrivateData.PSData.Tags) is found by name. Not a PowerShell parser.
/// </summary>
internal sealed partial class Psd1
{
    private readonly string _text;

    public Psd1(string text) => _text = StripComments(text);

    public static Psd1 Load(string path) => new(File.ReadAllText(path));

    public bool Has(string key) => KeyStart(key).Success;

    /// <summary>A single-quoted string value, or null when the key is absent.</summary>
    public string? String(string key)
    {
        var match = KeyStart(key);
        if (!match.Success)
        {
            return null;
        }

        var value = QuotedString().Match(_text, match.Index + match.Length);
        Assert.True(value.Success && value.Index == match.Index + match.Length, $"'{key}' is not a single-quoted string.");
        return Unquote(value.Value);
    }

    /// <summary>The strings of an @(...) array, or null when the key is absent.</summary>
    public IReadOnlyList<string>? Array(string key)
    {
        var match = KeyStart(key);
        if (!match.Success)
        {
            return null;
        }

        var start = match.Index + match.Length;
        Assert.True(_text.AsSpan(start).StartsWith("@("), $"'{key}' is not an @(...) array.");
        var end = _text.IndexOf(')', start);
        var body = _text[(start + 2)..end];
        return QuotedString().Matches(body).Select(m => Unquote(m.Value)).ToList();
    }

    private Match KeyStart(string key) =>
        new Regex(@"(?m)^\s*" + Regex.Escape(key) + @"\s*=\s*", RegexOptions.CultureInvariant).Match(_text);

    private static string Unquote(string quoted) => quoted[1..^1].Replace("''", "'", StringComparison.Ordinal);

    private static string StripComments(string text) => LineComment().Replace(text, "");

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex QuotedString();

    // Our manifest has no '#' inside strings; a line comment runs to the end of the line.
    [GeneratedRegex(@"(?m)^\s*#.*$")]
    private static partial Regex LineComment();
}
