using System.Globalization;
using System.Xml.Linq;

namespace KimiPS.HelpGen;

/// <summary>Writes MAML (the format of &lt;Module&gt;.dll-Help.xml that Get-Help reads).</summary>
internal static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <param name="cmdlets">The cmdlets, from metadata.</param>
    /// <param name="docs">The help text: the English doc comments, or a translation keyed the same way.</param>
    /// <param name="english">The English doc comments, where a translation's help still needs them: the default
    /// values and the related links come from them (they are values and names, not prose). Default: <paramref name="docs"/>.</param>
    /// <param name="strings">The generator's own words (example titles, validation sentences, -WhatIf/-Confirm). Default: English.</param>
    public static XDocument Write(IEnumerable<CmdletModel> cmdlets, DocComments docs, DocComments? english = null, HelpStrings? strings = null)
    {
        var all = cmdlets.ToList();
        english ??= docs;
        strings ??= HelpStrings.English;
        return new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                all.Select(c => WriteCommand(c, docs, english, strings, all))));
    }

    private static XElement WriteCommand(CmdletModel cmdlet, DocComments docs, DocComments english, HelpStrings strings, IReadOnlyList<CmdletModel> all)
    {
        var typeId = DocComments.TypeId(cmdlet.Type);
        var parameters = AllParameters(cmdlet, docs, english, strings).ToList();
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(docs.Paragraphs(typeId, "summary"))),
            Description(docs.Paragraphs(typeId, "remarks")),
            new XElement(Command + "syntax",
                cmdlet.ParameterSetNames.Select(set => new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", cmdlet.Name),
                    SyntaxParameters(cmdlet, set, parameters).Select(p => ParameterElement(p, inSyntax: true))))),
            new XElement(Command + "parameters", parameters.Select(p => ParameterElement(p, inSyntax: false))),
            new XElement(Command + "inputTypes", InputTypes(cmdlet).Select(t =>
                new XElement(Command + "inputType", TypeElement(t), Description(Array.Empty<string>())))),
            new XElement(Command + "returnValues", cmdlet.OutputTypes.Select(o =>
                new XElement(Command + "returnValue",
                    TypeElement(o.Name),
                    Description(o.Type is null ? Array.Empty<string>() : docs.Paragraphs(DocComments.TypeId(o.Type), "summary"))))),
            new XElement(Command + "examples", docs.Examples(typeId).Select((e, i) =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", string.Format(strings.ExampleTitle, i + 1)),
                    new XElement(Dev + "code", e.Code),
                    // The empty last paragraph is the blank line before the next example's title.
                    new XElement(Dev + "remarks", e.Remarks.Select(r => new XElement(Maml + "para", r)), new XElement(Maml + "para", ""))))),
            new XElement(Command + "relatedLinks", RelatedLinks.For(cmdlet, all, english).Select(name =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", name), new XElement(Maml + "uri")))));
    }

    /// <summary>A parameter as help shows it: the strongest role it has in any set.</summary>
    private sealed record HelpParameter(
        string Name, string TypeName, string FullTypeName, bool IsSwitch, bool Required, string Position,
        string PipelineInput, bool Globbing, bool VariableLength, string Aliases, IReadOnlyList<string> Description, string DefaultValue,
        IReadOnlyList<string> Values);

    private static IEnumerable<HelpParameter> AllParameters(CmdletModel cmdlet, DocComments docs, DocComments english, HelpStrings strings)
    {
        foreach (var p in cmdlet.Parameters.OrderBy(p => p.Attributes.Min(a => a.Position ?? int.MaxValue)).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var memberId = DocComments.MemberId(p.DeclaringType, p.Name, isField: p.DeclaringType.GetField(p.Name) is not null);
            var summary = docs.Paragraphs(memberId, "summary");
            // What validation enforces is stated after the summary, so the help cannot drift from it.
            var description = summary.Concat(p.Validation.Sentences(strings)).ToList();
            var defaultValue = DefaultValues.For(p.IsSwitch, english.Value(memberId), english.Paragraphs(memberId, "summary"));
            yield return Describe(p, p.Attributes, description, defaultValue, p.Validation.Values);
        }

        if (cmdlet.SupportsShouldProcess)
        {
            yield return Common("WhatIf", strings.WhatIf, "wi");
            yield return Common("Confirm", strings.Confirm, "cf");
        }
    }

    private static IEnumerable<HelpParameter> SyntaxParameters(CmdletModel cmdlet, string set, List<HelpParameter> all)
    {
        foreach (var (parameter, attribute) in cmdlet.ParametersIn(set)
                     .OrderBy(x => x.Attribute.Position ?? int.MaxValue).ThenBy(x => !x.Attribute.Mandatory).ThenBy(x => x.Parameter.Name, StringComparer.Ordinal))
        {
            var help = all.First(h => h.Name == parameter.Name);
            yield return Describe(parameter, new[] { attribute }, help.Description, help.DefaultValue, help.Values);
        }

        foreach (var common in all.Where(h => h.Name is "WhatIf" or "Confirm" && cmdlet.SupportsShouldProcess))
        {
            yield return common;
        }
    }

    private static HelpParameter Describe(
        ParameterModel p, IReadOnlyList<ParameterAttributeModel> roles, IReadOnlyList<string> description, string defaultValue, IReadOnlyList<string> values)
    {
        var byValue = roles.Any(a => a.ValueFromPipeline);
        var byName = roles.Any(a => a.ValueFromPipelineByPropertyName);
        var pipeline = (byValue, byName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
        var positions = roles.Where(a => a.Position is not null).Select(a => a.Position!.Value).Distinct().ToList();
        return new HelpParameter(
            p.Name,
            TypeNames.Friendly(p.ParameterType),
            TypeNames.Full(p.ParameterType),
            p.IsSwitch,
            roles.All(a => a.Mandatory),
            positions.Count == 1 ? positions[0].ToString(CultureInfo.InvariantCulture) : "named",
            pipeline,
            p.SupportsWildcards,
            p.ParameterType.IsArray || roles.Any(a => a.ValueFromRemainingArguments),
            p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases),
            description,
            defaultValue,
            values);
    }

    private static HelpParameter Common(string name, string description, string alias) =>
        new(name, "SwitchParameter", "System.Management.Automation.SwitchParameter", true, false, "named", "False", false, false, alias, new[] { description }, "False", Array.Empty<string>());

    private static XElement ParameterElement(HelpParameter p, bool inSyntax) =>
        new(Command + "parameter",
            new XAttribute("required", p.Required ? "true" : "false"),
            new XAttribute("variableLength", p.VariableLength ? "true" : "false"),
            new XAttribute("globbing", p.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", p.PipelineInput),
            new XAttribute("position", p.Position),
            new XAttribute("aliases", p.Aliases),
            new XElement(Maml + "name", p.Name),
            Description(p.Description),
            // Get-Help prints "-Name <Type>" from parameterValue; a switch takes no value.
            p.IsSwitch && inSyntax ? null : new XElement(Command + "parameterValue",
                new XAttribute("required", p.IsSwitch ? "false" : "true"),
                new XAttribute("variableLength", p.VariableLength ? "true" : "false"),
                p.TypeName),
            // A ValidateSet shows in SYNTAX as -Name {a | b}.
            p.Values.Count == 0 ? null : new XElement(Command + "parameterValueGroup",
                p.Values.Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))),
            TypeElement(p.FullTypeName),
            new XElement(Dev + "defaultValue", p.DefaultValue));

    private static IEnumerable<string> InputTypes(CmdletModel cmdlet) =>
        cmdlet.Parameters.Where(p => p.Attributes.Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName))
            .Select(p => TypeNames.Full(p.ParameterType)).Distinct(StringComparer.Ordinal);

    private static XElement TypeElement(string name) =>
        new(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

    private static XElement Description(IReadOnlyList<string> paragraphs) =>
        new(Maml + "description", paragraphs.Select(p => new XElement(Maml + "para", p)));
}
