using System.Text.RegularExpressions;
using System.Xml.Linq;
using KimiPS.Tests.Infrastructure;

namespace KimiPS.Tests.Localization;

/// <summary>
/// The staged zh-CN/KimiPS.dll-Help.xml (generated from src/KimiPS/Help/zh-CN/*.xml) covers every cmdlet the
/// English help covers: synopsis, description, every parameter, every example's explanation, in Chinese; and it
/// differs from the English only in text: syntax, parameter attributes, default values and example code are the same.
/// A new cmdlet or parameter without a zh-CN entry fails here (the generator falls back to English for it).
/// </summary>
public sealed class ChineseHelpTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly Regex Han = new(@"\p{IsCJKUnifiedIdeographs}");

    private static Dictionary<string, XElement> Commands(string culture) =>
        XDocument.Load(Path.Combine(TestPaths.StageDir, culture, "KimiPS.dll-Help.xml")).Root!
            .Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);

    private static string Text(XElement? description) =>
        description is null ? "" : string.Join("\n", description.Elements(Maml + "para").Select(p => p.Value));

    [Fact]
    public void Every_cmdlet_and_parameter_has_Chinese_help()
    {
        var english = Commands("en-US");
        var chinese = Commands("zh-CN");
        var gaps = new List<string>();
        foreach (var (name, en) in english)
        {
            if (!chinese.TryGetValue(name, out var zh))
            {
                gaps.Add($"{name}: not in zh-CN help");
                continue;
            }

            if (!Han.IsMatch(Text(zh.Element(Command + "details")!.Element(Maml + "description")))) gaps.Add($"{name}: synopsis");
            if (!Han.IsMatch(Text(zh.Element(Maml + "description")))) gaps.Add($"{name}: description");

            var zhParameters = zh.Element(Command + "parameters")!.Elements(Command + "parameter")
                .ToDictionary(p => p.Element(Maml + "name")!.Value);
            foreach (var p in en.Element(Command + "parameters")!.Elements(Command + "parameter"))
            {
                var parameter = p.Element(Maml + "name")!.Value;
                if (!zhParameters.TryGetValue(parameter, out var zp) || !Han.IsMatch(Text(zp.Element(Maml + "description"))))
                    gaps.Add($"{name} -{parameter}");
            }

            var enExamples = en.Element(Command + "examples")!.Elements(Command + "example").ToList();
            var zhExamples = zh.Element(Command + "examples")!.Elements(Command + "example").ToList();
            if (enExamples.Count != zhExamples.Count) gaps.Add($"{name}: {zhExamples.Count} examples in zh-CN, {enExamples.Count} in en-US");
            for (var i = 0; i < Math.Min(enExamples.Count, zhExamples.Count); i++)
            {
                if (!Han.IsMatch(Text(zhExamples[i].Element(Dev + "remarks")))) gaps.Add($"{name}: example {i + 1}");
            }
        }

        Assert.True(gaps.Count == 0,
            "No Chinese help for these (add them to src/KimiPS/Help/zh-CN/<Verb>-<Noun>.xml; see build/KimiPS.HelpGen/LocalizedHelp.cs):\n"
            + string.Join("\n", gaps));
    }

    [Fact]
    public void The_Chinese_help_changes_only_the_text()
    {
        var english = Commands("en-US");
        var chinese = Commands("zh-CN");
        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        foreach (var (name, en) in english)
        {
            var zh = chinese[name];
            // Syntax: every set, every parameter with its attributes, in the same order.
            Assert.Equal(Shape(en.Element(Command + "syntax")!), Shape(zh.Element(Command + "syntax")!));
            Assert.Equal(Shape(en.Element(Command + "parameters")!), Shape(zh.Element(Command + "parameters")!));
            Assert.Equal(
                en.Descendants(Dev + "defaultValue").Select(d => d.Value),
                zh.Descendants(Dev + "defaultValue").Select(d => d.Value));
            // Examples keep their code.
            Assert.Equal(
                en.Descendants(Dev + "code").Select(c => c.Value),
                zh.Descendants(Dev + "code").Select(c => c.Value));
            Assert.Equal(
                en.Descendants(Command + "relatedLinks").Descendants(Maml + "linkText").Select(l => l.Value),
                zh.Descendants(Command + "relatedLinks").Descendants(Maml + "linkText").Select(l => l.Value));
        }
    }

    private static IEnumerable<string> Shape(XElement element) =>
        element.Descendants(Command + "parameter").Select(p =>
            p.Element(Maml + "name")!.Value + " " + string.Join(" ", p.Attributes().Select(a => a.Name + "=" + a.Value))
            + " " + p.Element(Command + "parameterValue")?.Value);

    [Theory]
    [InlineData("en-US", "about_KimiPS")]
    [InlineData("zh-CN", "概括")]
    [InlineData("zh-Hans", "概括")]
    public void The_about_topic_is_staged_in_each_language(string culture, string expected)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.StageDir, culture, "about_KimiPS.help.txt"));
        Assert.StartsWith("TOPIC", text);
        Assert.Contains(expected, text);
    }

    [Fact]
    public void The_zh_Hans_help_is_the_zh_CN_help() =>
        Assert.Equal(
            File.ReadAllText(Path.Combine(TestPaths.StageDir, "zh-CN", "KimiPS.dll-Help.xml")),
            File.ReadAllText(Path.Combine(TestPaths.StageDir, "zh-Hans", "KimiPS.dll-Help.xml")));
}
