using System.Xml.Linq;
using KimiPS.HelpGen;
using KimiPS.Tests.Infrastructure;
using static KimiPS.HelpGen.MamlWriter;

namespace KimiPS.Tests;

/// <summary>The help generator (build/KimiPS.HelpGen) on the sample module: MAML from doc comments + metadata.</summary>
public sealed class HelpGenTests : IClassFixture<SampleModule>
{
    private readonly XDocument _maml;

    public HelpGenTests(SampleModule sample) =>
        _maml = MamlWriter.Write(sample.Cmdlets, new DocComments(new[] { TestPaths.SampleModuleDoc }));

    internal static XElement? FindCommand(XDocument maml, string name) =>
        maml.Root!.Elements(Command + "command").SingleOrDefault(c => c.Element(Command + "details")?.Element(Command + "name")?.Value == name);

    internal static bool HasText(XElement? description) =>
        description is not null && description.Elements(Maml + "para").Any(p => p.Value.Trim().Length > 0);

    private XElement Get => FindCommand(_maml, "Get-KimiWidget")!;

    private static IEnumerable<string> Paras(XElement? description) => description!.Elements(Maml + "para").Select(p => p.Value);

    [Fact]
    public void Root_is_a_maml_helpItems()
    {
        Assert.Equal(XName.Get("helpItems", "http://msh"), _maml.Root!.Name);
        Assert.Equal("maml", _maml.Root.Attribute("schema")!.Value);
        Assert.Equal(5, _maml.Root.Elements(Command + "command").Count());
    }

    [Fact]
    public void Details_carry_name_verb_noun_and_the_summary_as_synopsis()
    {
        var details = Get.Element(Command + "details")!;
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("KimiWidget", details.Element(Command + "noun")!.Value);
        Assert.Equal(new[] { "Gets widgets." }, Paras(details.Element(Maml + "description")));
    }

    [Fact]
    public void Remarks_become_the_description_with_inline_markup_flattened()
    {
        Assert.Equal(
            new[] { "Lists every widget, or the one with the given Id.", "Returns KimiWidget objects; $null never." },
            Paras(Get.Element(Maml + "description")));
    }

    [Fact]
    public void One_syntax_item_per_parameter_set_with_the_set_members()
    {
        var items = Get.Element(Command + "syntax")!.Elements(Command + "syntaxItem")
            .Select(i => string.Join(" ", i.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "First Force", "Id Force", "InputObject Force" }, items);
    }

    [Fact]
    public void Parameters_carry_required_position_pipeline_type_aliases_and_description()
    {
        var id = Parameter(Get, "Id");
        Assert.Equal("true", id.Attribute("required")!.Value);
        Assert.Equal("0", id.Attribute("position")!.Value);
        Assert.Equal("True (ByPropertyName)", id.Attribute("pipelineInput")!.Value);
        Assert.Equal("WidgetId", id.Attribute("aliases")!.Value);
        Assert.Equal("String[]", id.Element(Command + "parameterValue")!.Value);
        Assert.Equal("System.String[]", id.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "The widget id." }, Paras(id.Element(Maml + "description")));

        var input = Parameter(Get, "InputObject");
        Assert.Equal("True (ByValue)", input.Attribute("pipelineInput")!.Value);
        Assert.Equal("named", input.Attribute("position")!.Value);

        Assert.Equal("Int32", Parameter(Get, "First").Element(Command + "parameterValue")!.Value); // Nullable<int> shown as Int32
        Assert.Equal("false", Parameter(Get, "Force").Attribute("required")!.Value);
    }

    [Fact]
    public void Examples_keep_code_lines_without_the_comment_indentation()
    {
        var examples = Get.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("Get-KimiWidget -Id w1" + Environment.NewLine + "  | Format-List", examples[0].Element(Dev + "code")!.Value);
        // The empty last paragraph is the blank line Get-Help leaves before the next example.
        Assert.Equal(new[] { "Gets one widget.", "" }, examples[0].Element(Dev + "remarks")!.Elements(Maml + "para").Select(p => p.Value));
        Assert.Equal("Get-KimiWidget", examples[1].Element(Dev + "code")!.Value);
    }

    [Fact]
    public void Return_values_come_from_OutputType_with_the_type_summary()
    {
        var returnValue = Get.Element(Command + "returnValues")!.Elements(Command + "returnValue").Single();
        Assert.Equal("KimiPS.SampleModule.KimiWidget", returnValue.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "What the good sample cmdlet returns." }, Paras(returnValue.Element(Maml + "description")));
    }

    [Fact]
    public void ShouldProcess_cmdlets_document_WhatIf_and_Confirm()
    {
        var remove = FindCommand(_maml, "Remove-KimiWidget")!;
        var names = remove.Element(Command + "parameters")!.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "Id", "WhatIf", "Confirm" }, names);
        Assert.DoesNotContain(Get.Element(Command + "parameters")!.Elements(Command + "parameter"), p => p.Element(Maml + "name")!.Value == "WhatIf");
    }

    [Fact]
    public void Undocumented_cmdlets_get_empty_descriptions_which_the_contract_tests_reject()
    {
        var grab = FindCommand(_maml, "Grab-KimiWidgets")!;
        Assert.False(HasText(grab.Element(Command + "details")!.Element(Maml + "description")));
        Assert.False(HasText(Parameter(grab, "Name").Element(Maml + "description")));
        Assert.Empty(grab.Element(Command + "examples")!.Elements());
    }

    [Theory]
    [InlineData("\n      a\n        b\n      c\n   ", "a|  b|c")]
    [InlineData("single", "single")]
    [InlineData("\n\n  x  \n\n", "x")]
    [InlineData("PS> a\n            PS> b\n              -c", "PS> a|PS> b|  -c")]   // first line inline after <code>
    public void Dedent_removes_only_the_common_indentation(string code, string expected)
    {
        Assert.Equal(expected.Replace("|", Environment.NewLine, StringComparison.Ordinal), DocComments.Dedent(code));
    }

    private static XElement Parameter(XElement command, string name) =>
        command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == name);
}
