using System.Management.Automation;
using System.Text.Json;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>New-KimiTool as a user drives it: the tool objects, their schemas, and bad input caught before anything is sent.</summary>
public sealed class NewKimiToolTests : IDisposable
{
    private readonly HostedKimi _kimi = HostedKimi.Start();

    private static JsonElement Schema(PSObject tool) =>
        JsonDocument.Parse((string)tool.Properties["ParametersJson"].Value).RootElement.Clone();

    private static void AssertInvalidParameter(HostedRun run, string parameter, string? target = null)
    {
        var error = Assert.Single(run.Errors);
        Assert.Equal("KimiInvalidParameter,KimiPS.Commands.NewKimiToolCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith($"Parameter '{parameter}'", error.Exception.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails?.RecommendedAction));
        if (target is not null) Assert.Equal(target, error.TargetObject?.ToString());
        Assert.Empty(run.Output);
    }

    [Fact]
    public void From_a_schema_it_is_a_function_with_that_name_description_and_schema()
    {
        var run = _kimi.Run("""New-KimiTool -Name get_weather -Description 'Current weather' -ParametersJson '{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}'""");

        var tool = Assert.Single(run.ThrowOnError().Output);
        Assert.Equal("KimiPS.Core.ChatTool", tool.BaseObject.GetType().FullName);
        Assert.Equal("get_weather", tool.Properties["Name"].Value);
        Assert.Equal("function", tool.Properties["Type"].Value);
        Assert.Equal("Current weather", tool.Properties["Description"].Value);
        Assert.Equal("string", Schema(tool).GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
    }

    [Fact]
    public void Without_a_schema_it_takes_no_parameters()
    {
        var tool = Assert.Single(_kimi.Run("New-KimiTool ping").ThrowOnError().Output);
        Assert.Equal("""{"type":"object","properties":{}}""", tool.Properties["ParametersJson"].Value);
    }

    [Fact]
    public void From_a_command_the_schema_has_its_parameters_types_mandatory_and_sets_without_common_ones()
    {
        var run = _kimi.Run("""
            function Get-Thing {
                <# .SYNOPSIS
                Gets a thing. #>
                [CmdletBinding()]
                param([Parameter(Mandatory, HelpMessage = 'Its name')] [string] $Name, [int] $Count, [ValidateSet('a', 'b')] [string] $Mode, [switch] $All)
            }
            Get-Command Get-Thing | New-KimiTool
            """);

        var tool = Assert.Single(run.ThrowOnError().Output);
        Assert.Equal("Get-Thing", tool.Properties["Name"].Value);
        Assert.Equal("Gets a thing.", tool.Properties["Description"].Value);
        var schema = Schema(tool);
        var properties = schema.GetProperty("properties");
        Assert.Equal(new[] { "Name", "Count", "Mode", "All" }, properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("integer", properties.GetProperty("Count").GetProperty("type").GetString());
        Assert.Equal("boolean", properties.GetProperty("All").GetProperty("type").GetString());
        Assert.Equal("Its name", properties.GetProperty("Name").GetProperty("description").GetString());
        Assert.Equal(new[] { "a", "b" }, properties.GetProperty("Mode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "Name" }, schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void IncludeParameter_narrows_the_schema()
    {
        var tool = Assert.Single(_kimi.Run("New-KimiTool -Command Get-Date -IncludeParameter Format, Date -Name now").ThrowOnError().Output);
        Assert.Equal(new[] { "Date", "Format" }, Schema(tool).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("now", tool.Properties["Name"].Value);
    }

    [Fact]
    public void An_IncludeParameter_name_of_another_parameter_set_is_an_error_naming_the_set()
    {
        var run = _kimi.Run("New-KimiTool -Command Get-Date -IncludeParameter Format, UFormat");

        AssertInvalidParameter(run, "IncludeParameter");
        Assert.Contains("'UFormat'", run.Errors[0].Exception.Message);
        Assert.Contains("DateAndFormat", run.Errors[0].Exception.Message);
    }

    [Fact]
    public void An_unknown_IncludeParameter_name_is_an_error_naming_what_the_command_offers()
    {
        var run = _kimi.Run("New-KimiTool -Command Get-Date -IncludeParameter Nope");

        AssertInvalidParameter(run, "IncludeParameter", "Get-Date");
        Assert.Contains("'Nope'", run.Errors[0].Exception.Message);
        Assert.Contains("Format", run.Errors[0].ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_common_parameter_in_IncludeParameter_is_an_error()
    {
        var run = _kimi.Run("New-KimiTool -Command Get-Date -IncludeParameter Format, ErrorAction");

        AssertInvalidParameter(run, "IncludeParameter");
        Assert.Contains("'ErrorAction'", run.Errors[0].Exception.Message);
    }

    [Fact]
    public void An_unknown_CommandParameterSet_is_an_error_listing_the_sets()
    {
        var run = _kimi.Run("New-KimiTool -Command Get-Date -CommandParameterSet Nope");

        AssertInvalidParameter(run, "CommandParameterSet");
        Assert.Contains("DateAndFormat", run.Errors[0].ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_name_that_is_no_command_is_an_error_and_the_pipeline_goes_on()
    {
        var run = _kimi.Run("'No-SuchCommand', 'Get-Date' | New-KimiTool");

        Assert.Equal("KimiInvalidParameter,KimiPS.Commands.NewKimiToolCommand", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Equal("No-SuchCommand", run.Errors[0].TargetObject?.ToString());
        Assert.Equal("Get-Date", Assert.Single(run.Output).Properties["Name"].Value);
    }

    [Fact]
    public void A_command_whose_name_is_no_tool_name_asks_for_Name()
    {
        var run = _kimi.Run("function my.func { } ; New-KimiTool -Command my.func");

        AssertInvalidParameter(run, "Name");
        Assert.Contains("my.func", run.Errors[0].Exception.Message);
        Assert.Contains("-Name", run.Errors[0].ErrorDetails.RecommendedAction);
    }

    [Theory]
    [InlineData("bad name", "Name")]
    [InlineData("$web_search", "Name")]
    public void A_bad_tool_name_is_an_error(string name, string parameter)
    {
        var run = _kimi.Run($"New-KimiTool -Name '{name}'");
        AssertInvalidParameter(run, parameter, name);
    }

    [Theory]
    [InlineData("{bad", "not valid JSON")]
    [InlineData("[1]", "not an object")]
    [InlineData("""{"type":"array"}""", "\"object\"")]
    [InlineData("""{"properties":{}}""", "\"object\"")]
    [InlineData("""{"type":"object","properties":5}""", "'properties'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"strng"}}}""", "'strng'")]
    [InlineData("""{"type":"object","properties":{"a":5}}""", "'a'")]
    [InlineData("""{"type":"object","required":"a"}""", "'required'")]
    public void A_schema_Kimi_would_reject_is_an_error_naming_ParametersJson(string json, string problem)
    {
        var before = _kimi.Emulator.Counters.Requests;
        var run = _kimi.Run($"New-KimiTool -Name ok_name -ParametersJson '{json}'");

        AssertInvalidParameter(run, "ParametersJson", "ok_name");
        Assert.Contains(problem, run.Errors[0].Exception.Message);
        Assert.Equal(before, _kimi.Emulator.Counters.Requests);
    }

    [Fact]
    public void A_nested_schema_with_type_lists_and_arrays_is_accepted()
    {
        var run = _kimi.Run("""New-KimiTool -Name ok_name -ParametersJson '{"type":"object","properties":{"a":{"type":["string","null"]},"b":{"type":"array","items":{"type":"integer"}},"c":{"enum":["x"]}}}'""");
        Assert.Single(run.ThrowOnError().Output);
    }

    [Fact]
    public void A_tool_prints_as_a_table_of_name_type_and_description()
    {
        var text = (string)Assert.Single(_kimi.Run("New-KimiTool -Name get_weather -Description 'Current weather' | Out-String").ThrowOnError().Output).BaseObject;

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r').TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.Equal(new[] { "Name", "Type", "Description" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(new[] { "get_weather", "function", "Current", "weather" }, lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _kimi.Dispose();
}
