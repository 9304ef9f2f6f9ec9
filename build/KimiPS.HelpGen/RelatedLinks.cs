using System.Text.RegularExpressions;

namespace KimiPS.HelpGen;

/// <summary>
/// RELATED LINKS: the other cmdlets of the module that a cmdlet's help names (its text, examples and
/// &lt;seealso&gt; tags), then those that share its noun, in that order. Text links only: the module has
/// no online help, and a made-up address would make Get-Help -Online open nothing useful.
/// </summary>
internal static class RelatedLinks
{
    public static IReadOnlyList<string> For(CmdletModel cmdlet, IReadOnlyList<CmdletModel> all, DocComments docs)
    {
        var typeId = DocComments.TypeId(cmdlet.Type);
        var text = docs.AllText(typeId) + " " + string.Join(" ", cmdlet.Parameters.Select(p =>
            docs.AllText(DocComments.MemberId(p.DeclaringType, p.Name, isField: p.DeclaringType.GetField(p.Name) is not null))));
        var seeAlso = docs.SeeAlso(typeId);

        bool Named(CmdletModel other) =>
            seeAlso.Contains(other.Type.Name, StringComparer.Ordinal)
            || Regex.IsMatch(text, @"(?<![\w-])" + Regex.Escape(other.Name) + @"(?![\w-])", RegexOptions.IgnoreCase);

        var others = all.Where(o => o.Name != cmdlet.Name).ToList();
        return others.Where(Named)
            .Concat(others.Where(o => string.Equals(o.Noun, cmdlet.Noun, StringComparison.OrdinalIgnoreCase)))
            .Select(o => o.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
