using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KimiPS.HelpGen;

/// <summary>
/// The compiler's XML documentation files, turned into help text. Convention (one source of help):
/// cmdlet class summary = synopsis, remarks = description, each example = code + paragraphs;
/// parameter property summary = parameter description.
/// </summary>
internal sealed partial class DocComments
{
    private readonly Dictionary<string, XElement> _members = new(StringComparer.Ordinal);

    /// <summary>Help text already keyed by member id (a translation, see <see cref="LocalizedHelp"/>).</summary>
    public DocComments(IReadOnlyDictionary<string, XElement> members)
    {
        foreach (var (id, member) in members)
        {
            _members[id] = member;
        }
    }

    public DocComments(IEnumerable<string> xmlPaths)
    {
        foreach (var path in xmlPaths.Where(File.Exists))
        {
            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name)
                {
                    _members[name] = member;
                }
            }
        }
    }

    public static string TypeId(Type type) => "T:" + DocName(type);

    public static string MemberId(Type declaringType, string name, bool isField = false) =>
        (isField ? "F:" : "P:") + DocName(declaringType) + "." + name;

    /// <summary>The paragraphs of a member's tag (summary, remarks), empty when absent.</summary>
    public IReadOnlyList<string> Paragraphs(string memberId, string tag) =>
        _members.TryGetValue(memberId, out var member) && member.Element(tag) is { } element
            ? ToParagraphs(element)
            : Array.Empty<string>();

    /// <summary>The plain text of a member's &lt;value&gt; tag (a parameter's default for Get-Help), or null.</summary>
    public string? Value(string memberId) =>
        _members.TryGetValue(memberId, out var member) && member.Element("value") is { } value
            ? string.Join(" ", ToParagraphs(value))
            : null;

    /// <summary>The cref targets of a member's &lt;seealso&gt; tags, by their last name part.</summary>
    public IReadOnlyList<string> SeeAlso(string memberId) =>
        _members.TryGetValue(memberId, out var member)
            ? member.Elements("seealso").Select(SeeText).Where(t => t.Length > 0).ToList()
            : Array.Empty<string>();

    /// <summary>All the text of a member (summary, remarks, examples), to find the commands it names.</summary>
    public string AllText(string memberId) =>
        _members.TryGetValue(memberId, out var member) ? member.Value : "";

    public IReadOnlyList<Example> Examples(string memberId)
    {
        if (!_members.TryGetValue(memberId, out var member))
        {
            return Array.Empty<Example>();
        }

        return member.Elements("example").Select(e => new Example(
            string.Join(Environment.NewLine, e.Elements("code").Select(c => Dedent(c.Value))),
            ToParagraphs(new XElement("x", e.Nodes().Where(n => n is not XElement { Name.LocalName: "code" }))))).ToList();
    }

    /// <summary>Splits on para elements; inline markup (c, see, paramref) becomes plain text.</summary>
    internal static IReadOnlyList<string> ToParagraphs(XElement element)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            var text = Whitespace().Replace(current.ToString(), " ").Trim();
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }

            current.Clear();
        }

        foreach (var node in element.Nodes())
        {
            if (node is XElement { Name.LocalName: "para" } para)
            {
                Flush();
                paragraphs.AddRange(ToParagraphs(para));
            }
            else
            {
                current.Append(Inline(node));
            }
        }

        Flush();
        return paragraphs;
    }

    private static string Inline(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see => SeeText(see),
        XElement { Name.LocalName: "paramref" or "typeparamref" } r => r.Attribute("name")?.Value ?? "",
        XElement e => string.Concat(e.Nodes().Select(Inline)),
        _ => "",
    };

    private static string SeeText(XElement see)
    {
        if (!see.IsEmpty && see.Value.Length > 0)
        {
            return see.Value;
        }

        if (see.Attribute("langword")?.Value is { } word)
        {
            // Help is read by PowerShell users: $null, $true, $false.
            return word is "null" or "true" or "false" ? "$" + word : word;
        }

        var target = see.Attribute("cref")?.Value ?? see.Attribute("href")?.Value ?? "";
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (see.Attribute("cref") is not null && colon >= 0)
        {
            target = target[(colon + 1)..];
            var paren = target.IndexOf('(', StringComparison.Ordinal);
            if (paren >= 0)
            {
                target = target[..paren];
            }

            target = target[(target.LastIndexOf('.') + 1)..];
        }

        return target;
    }

    /// <summary>Code keeps its lines; the indentation the doc comment added is removed.</summary>
    internal static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0]))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        // `<code>PS> first` puts the first line right after the tag, at column 0, while the lines after
        // it carry the doc comment's indentation: that first line must not set the common indent.
        var firstInline = lines.Count > 1 && code.Length > 0 && !char.IsWhiteSpace(code[0]);
        var indent = lines.Skip(firstInline ? 1 : 0).Where(l => l.Trim().Length > 0)
            .Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join(Environment.NewLine, lines.Select((l, i) =>
            firstInline && i == 0 ? l.TrimEnd() : l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }

    private static string DocName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public sealed record Example(string Code, IReadOnlyList<string> Remarks);
}
