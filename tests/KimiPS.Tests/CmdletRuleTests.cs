using KimiPS.Tests.Infrastructure;

namespace KimiPS.Tests;

/// <summary>Proves each contract rule on the sample: it passes the good cmdlets and catches the bad ones.</summary>
public sealed class CmdletRuleTests : IClassFixture<SampleModule>
{
    private readonly SampleModule _sample;

    public CmdletRuleTests(SampleModule sample) => _sample = sample;

    [Fact]
    public void Good_sample_cmdlets_pass_every_rule()
    {
        var violations = new[] { "Connect-Kimi", "Get-KimiWidget", "Remove-KimiWidget" }
            .SelectMany(name => CmdletRules.All.Values.SelectMany(rule => rule(_sample[name])));
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(nameof(CmdletRules.ApprovedVerb), "Grab-KimiWidgets", "verb 'Grab'")]
    [InlineData(nameof(CmdletRules.SingularPrefixedNoun), "Grab-KimiWidgets", "looks plural")]
    [InlineData(nameof(CmdletRules.SingularPrefixedNoun), "Remove-Widget", "must start with 'Kimi'")]
    [InlineData(nameof(CmdletRules.Sealed), "Grab-KimiWidgets", "is not sealed")]
    [InlineData(nameof(CmdletRules.HasOutputType), "Grab-KimiWidgets", "no [OutputType]")]
    [InlineData(nameof(CmdletRules.ShouldProcess), "Remove-Widget", "SupportsShouldProcess")]
    [InlineData(nameof(CmdletRules.UnambiguousParameterSets), "Grab-KimiWidgets", "position 1 is used by")]
    [InlineData(nameof(CmdletRules.UnambiguousParameterSets), "Grab-KimiWidgets", "more than one ValueFromPipeline")]
    [InlineData(nameof(CmdletRules.UnambiguousParameterSets), "Grab-KimiWidgets", "optional positional -Name comes before mandatory positional -Other")]
    [InlineData(nameof(CmdletRules.NoSystemTextJsonInSignatures), "Grab-KimiWidgets", "parameter -Raw")]
    [InlineData(nameof(CmdletRules.NoSystemTextJsonInSignatures), "Remove-Widget", "[OutputType] System.Text.Json.JsonDocument")]
    public void Rule_catches_the_bad_sample(string rule, string cmdlet, string expected)
    {
        var violations = CmdletRules.All[rule](_sample[cmdlet]).ToList();
        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_sees_sets_positions_pipeline_and_aliases()
    {
        var get = _sample["Get-KimiWidget"];
        Assert.Equal(new[] { "ById", "ByObject", "List" }, get.ParameterSetNames.OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal("List", get.DefaultParameterSetName);
        var id = get.Parameters.Single(p => p.Name == "Id");
        Assert.Equal(new[] { "WidgetId" }, id.Aliases);
        Assert.True(id.Attributes.Single().ValueFromPipelineByPropertyName);
        Assert.Equal(0, id.Attributes.Single().Position);
        Assert.Null(get.Parameters.Single(p => p.Name == "Force").Attributes.Single().Position);
        Assert.True(get.Parameters.Single(p => p.Name == "Force").IsSwitch);
        Assert.Equal(new[] { "Force", "Id" }, get.ParametersIn("ById").Select(m => m.Parameter.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("High", _sample["Remove-KimiWidget"].ConfirmImpact);
        Assert.Equal("KimiPS.SampleModule.KimiWidget", get.OutputTypes.Single().Name);
    }
}
