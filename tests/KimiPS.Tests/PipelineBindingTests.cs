using KimiPS.HelpGen;
using KimiPS.Tests.Infrastructure;

namespace KimiPS.Tests;

/// <summary>
/// The README's pipelines, checked from metadata: the object one cmdlet writes binds to the next cmdlet
/// by property name (an Id, a PSPath) or by value, in a parameter set whose mandatory parameters it fills.
/// </summary>
public sealed class PipelineBindingTests : IClassFixture<StagedModule>
{
    private readonly StagedModule _module;

    public PipelineBindingTests(StagedModule module) => _module = module;

    private CmdletModel Cmdlet(string name) => _module.Cmdlets.Single(c => c.Name == name);

    private Type CoreType(string name) => _module.Core.GetType("KimiPS.Core." + name, throwOnError: true)!;

    [Theory]
    [InlineData("KimiFile", "Get-KimiFileContent", "Id")]        // Send-KimiFile | Get-KimiFileContent
    [InlineData("KimiFile", "Remove-KimiFile", "")]              // Get-KimiFile | Remove-KimiFile -WhatIf
    [InlineData("KimiFile", "Get-KimiFile", "Id")]               // ... | Get-KimiFile (refresh the Status)
    [InlineData("KimiFileContent", "Remove-KimiFile", "")]       // Get-KimiFileContent -KeepFile | Remove-KimiFile
    public void Output_binds_by_property_name(string producer, string consumer, string set)
    {
        var properties = CoreType(producer).GetProperties().ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.OrdinalIgnoreCase);
        var cmdlet = Cmdlet(consumer);
        var members = cmdlet.ParametersIn(set.Length == 0 ? cmdlet.ParameterSetNames.Single() : set).ToList();
        var mandatory = members.Where(m => m.Attribute.Mandatory).ToList();
        Assert.NotEmpty(mandatory);
        foreach (var (parameter, attribute) in mandatory)
        {
            Assert.True(attribute.ValueFromPipelineByPropertyName, $"{consumer} -{parameter.Name} is not ValueFromPipelineByPropertyName.");
            var match = new[] { parameter.Name }.Concat(parameter.Aliases).FirstOrDefault(properties.ContainsKey);
            Assert.True(match is not null, $"{producer} has no property named -{parameter.Name} or one of its aliases ({string.Join(", ", parameter.Aliases)}).");
            var element = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            Assert.Equal(element.FullName, properties[match!].FullName);
        }
    }

    [Theory]
    [InlineData("Send-KimiFile")]        // Get-ChildItem *.pdf | Send-KimiFile
    [InlineData("Get-KimiFileContent")]  // Get-ChildItem *.docx | Get-KimiFileContent
    [InlineData("Import-KimiConversation")]
    public void File_system_items_bind_by_PSPath_to_LiteralPath(string consumer)
    {
        // A FileInfo is not a string, so the by-value -Path does not take it; the provider's PSPath note
        // property binds -LiteralPath, which then takes the path as written (brackets in names stay literal).
        var literal = Cmdlet(consumer).Parameters.Single(p => p.Name == "LiteralPath");
        Assert.Contains("PSPath", literal.Aliases);
        Assert.All(literal.Attributes, a => Assert.True(a.ValueFromPipelineByPropertyName));
        Assert.All(literal.Attributes, a => Assert.False(a.ValueFromPipeline));
    }

    [Fact]
    public void Invoke_KimiChat_takes_any_object_by_value_next_to_a_positional_prompt()
    {
        // Get-KimiFileContent | Invoke-KimiChat 'Summarize': the prompt is position 0, the piped object the material.
        var chat = Cmdlet("Invoke-KimiChat");
        var input = Assert.Single(chat.Parameters, p => p.Attributes.Any(a => a.ValueFromPipeline));
        Assert.Equal("System.Object", input.ParameterType.FullName);
        var prompt = chat.Parameters.Single(p => p.Name == "Prompt");
        Assert.Equal(0, prompt.Attributes.Single().Position);
        Assert.False(prompt.Attributes.Single().Mandatory);
        Assert.DoesNotContain(chat.Parameters, p => p.Attributes.Any(a => a.ValueFromPipelineByPropertyName));
    }
}
