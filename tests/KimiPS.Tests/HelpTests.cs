using System.Xml.Linq;
using KimiPS.HelpGen;
using KimiPS.Tests.Infrastructure;
using static KimiPS.HelpGen.MamlWriter;

namespace KimiPS.Tests;

/// <summary>The staged en-US/KimiPS.dll-Help.xml covers every cmdlet and parameter (DESIGN.md §8).</summary>
public sealed class HelpTests : IClassFixture<StagedModule>
{
    private readonly StagedModule _module;

    public HelpTests(StagedModule module) => _module = module;

    private static XDocument Help => XDocument.Load(Path.Combine(TestPaths.StageDir, "en-US", "KimiPS.dll-Help.xml"));

    [Fact]
    public void Every_cmdlet_has_synopsis_description_and_an_example()
    {
        var help = Help;
        var problems = new List<string>();
        foreach (var cmdlet in _module.Cmdlets)
        {
            var command = HelpGenTests.FindCommand(help, cmdlet.Name);
            if (command is null)
            {
                problems.Add($"{cmdlet.Name}: not in the help file.");
                continue;
            }

            if (!HelpGenTests.HasText(command.Element(Command + "details")?.Element(Maml + "description")))
            {
                problems.Add($"{cmdlet.Name}: no synopsis (<summary> on the class).");
            }

            if (!HelpGenTests.HasText(command.Element(Maml + "description")))
            {
                problems.Add($"{cmdlet.Name}: no description (<remarks> on the class).");
            }

            if (!command.Descendants(Dev + "code").Any(c => c.Value.Trim().Length > 0))
            {
                problems.Add($"{cmdlet.Name}: no example (<example><code>...</code></example> on the class).");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_parameter_is_described_and_every_set_has_a_syntax()
    {
        var help = Help;
        var problems = new List<string>();
        foreach (var cmdlet in _module.Cmdlets)
        {
            var command = HelpGenTests.FindCommand(help, cmdlet.Name);
            if (command is null)
            {
                problems.Add($"{cmdlet.Name}: not in the help file.");
                continue;
            }

            var described = command.Element(Command + "parameters")!.Elements(Command + "parameter")
                .ToDictionary(p => p.Element(Maml + "name")!.Value, p => HelpGenTests.HasText(p.Element(Maml + "description")));
            foreach (var parameter in cmdlet.Parameters)
            {
                if (!described.TryGetValue(parameter.Name, out var hasText) || !hasText)
                {
                    problems.Add($"{cmdlet.Name} -{parameter.Name}: no description (<summary> on the property).");
                }
            }

            var syntaxItems = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").Count();
            if (syntaxItems != cmdlet.ParameterSetNames.Count)
            {
                problems.Add($"{cmdlet.Name}: {syntaxItems} syntax items for {cmdlet.ParameterSetNames.Count} parameter sets.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Help_names_exactly_the_cmdlets_of_the_assembly()
    {
        var inHelp = Help.Root!.Elements(Command + "command").Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.Equal(_module.Cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal), inHelp.Order(StringComparer.Ordinal));
    }
}
