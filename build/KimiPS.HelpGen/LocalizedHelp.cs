using System.Xml.Linq;

namespace KimiPS.HelpGen;

/// <summary>
/// A translation of the help, read from a folder such as src/KimiPS/Help/zh-CN/ (one source, like the English
/// doc comments): one file per cmdlet, <c>&lt;Verb&gt;-&lt;Noun&gt;.xml</c>, and <c>_common.xml</c>.
/// <code>
/// &lt;command name="Get-KimiFile"&gt;
///   &lt;synopsis&gt;…&lt;/synopsis&gt;
///   &lt;description&gt;&lt;para&gt;…&lt;/para&gt;&lt;/description&gt;
///   &lt;parameter name="Id"&gt;…&lt;/parameter&gt;            (a parameter declared on the cmdlet itself)
///   &lt;example&gt;&lt;para&gt;…&lt;/para&gt;&lt;/example&gt;            (the explanation of the English example at the same position)
/// &lt;/command&gt;
/// &lt;common&gt;
///   &lt;string name="ExampleTitle|Range|AtLeast|Values|Count|WhatIf|Confirm"&gt;…&lt;/string&gt;
///   &lt;parameter name="Connection"&gt;…&lt;/parameter&gt;         (a parameter declared on a shared base class)
///   &lt;type name="KimiPS.Core.KimiFile"&gt;…&lt;/type&gt;           (an output type's description)
/// &lt;/common&gt;
/// </code>
/// Example code is never translated: it is taken from the English doc comments. What the folder lacks stays
/// English in the output and is listed in <see cref="Missing"/> (tests/KimiPS.Tests/Localization fails on it).
/// </summary>
internal sealed class LocalizedHelp
{
    private LocalizedHelp(DocComments docs, HelpStrings strings, IReadOnlyList<string> missing)
    {
        Docs = docs;
        Strings = strings;
        Missing = missing;
    }

    public DocComments Docs { get; }
    public HelpStrings Strings { get; }
    /// <summary>What has no translation, in words for the build log.</summary>
    public IReadOnlyList<string> Missing { get; }

    public static LocalizedHelp Load(string folder, IReadOnlyList<CmdletModel> cmdlets, DocComments english)
    {
        var missing = new List<string>();
        var commonPath = Path.Combine(folder, "_common.xml");
        var common = File.Exists(commonPath) ? XDocument.Load(commonPath).Root! : new XElement("common");
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);

        foreach (var cmdlet in cmdlets)
        {
            var typeId = DocComments.TypeId(cmdlet.Type);
            var path = Path.Combine(folder, cmdlet.Name + ".xml");
            var command = File.Exists(path) ? XDocument.Load(path).Root! : null;
            if (command is null) missing.Add($"{cmdlet.Name}: no {Path.GetFileName(path)}");

            var member = new XElement("member");
            member.Add(Translated(command?.Element("synopsis"), "summary") ?? English(english, typeId, "summary", $"{cmdlet.Name} synopsis", missing));
            member.Add(Translated(command?.Element("description"), "remarks") ?? English(english, typeId, "remarks", $"{cmdlet.Name} description", missing));

            var translatedExamples = command?.Elements("example").ToList() ?? new List<XElement>();
            var englishExamples = english.Examples(typeId);
            for (var i = 0; i < englishExamples.Count; i++)
            {
                var example = new XElement("example", new XElement("code", englishExamples[i].Code));
                if (i < translatedExamples.Count && !string.IsNullOrWhiteSpace(translatedExamples[i].Value))
                {
                    example.Add(translatedExamples[i].Nodes());
                }
                else
                {
                    missing.Add($"{cmdlet.Name} example {i + 1}");
                    example.Add(englishExamples[i].Remarks.Select(r => new XElement("para", r)));
                }

                member.Add(example);
            }

            if (translatedExamples.Count > englishExamples.Count)
            {
                missing.Add($"{cmdlet.Name}: {translatedExamples.Count} translated examples for {englishExamples.Count} English ones");
            }

            members[typeId] = member;

            foreach (var parameter in cmdlet.Parameters)
            {
                var memberId = DocComments.MemberId(parameter.DeclaringType, parameter.Name, isField: parameter.DeclaringType.GetField(parameter.Name) is not null);
                if (members.ContainsKey(memberId)) continue;
                var own = parameter.DeclaringType == cmdlet.Type;
                var text = (own ? Named(command, "parameter", parameter.Name) : null)
                           ?? Named(common, "parameter", parameter.Name)
                           ?? Named(command, "parameter", parameter.Name);
                members[memberId] = new XElement("member",
                    Translated(text, "summary") ?? English(english, memberId, "summary", $"{cmdlet.Name} -{parameter.Name}", missing));
            }

            foreach (var output in cmdlet.OutputTypes.Where(o => o.Type is not null))
            {
                var outputId = DocComments.TypeId(output.Type!);
                if (members.ContainsKey(outputId)) continue;
                members[outputId] = new XElement("member",
                    Translated(Named(common, "type", output.Type!.FullName!), "summary")
                    ?? English(english, outputId, "summary", $"output type {output.Type!.FullName}", missing));
            }
        }

        string S(string name, string fallback)
        {
            var value = Named(common, "string", name)?.Value.Trim();
            if (string.IsNullOrEmpty(value))
            {
                missing.Add($"string {name}");
                return fallback;
            }

            return value!;
        }

        var e = HelpStrings.English;
        var strings = new HelpStrings(S("ExampleTitle", e.ExampleTitle), S("Range", e.Range), S("AtLeast", e.AtLeast),
            S("Values", e.Values), S("Count", e.Count), S("WhatIf", e.WhatIf), S("Confirm", e.Confirm));
        return new LocalizedHelp(new DocComments(members), strings, missing.Distinct().ToList());
    }

    private static XElement? Named(XElement? parent, string element, string name) =>
        parent?.Elements(element).FirstOrDefault(x => string.Equals((string?)x.Attribute("name"), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A translated element as a doc-comment tag of the given name; null when absent or empty.</summary>
    private static XElement? Translated(XElement? source, string tag) =>
        source is null || string.IsNullOrWhiteSpace(source.Value) ? null : new XElement(tag, source.Nodes());

    /// <summary>The English text, where the translation has none (an absent English text is no translation gap).</summary>
    private static XElement? English(DocComments english, string memberId, string tag, string what, List<string> missing)
    {
        var paragraphs = english.Paragraphs(memberId, tag);
        if (paragraphs.Count == 0) return null;
        missing.Add(what);
        return new XElement(tag, paragraphs.Select(p => new XElement("para", p)));
    }
}
