using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public sealed class ToolSchemaValidationTests
{
    [Theory]
    [InlineData("""{"type":"object"}""")]
    [InlineData("""{"type":"object","properties":{}}""")]
    [InlineData("""{"type":"object","properties":{"a":{"type":["string","null"]},"b":{"type":"array","items":{"type":"object","properties":{"c":{"type":"integer"}}}}},"required":["a"]}""")]
    [InlineData("""{"type":"object","properties":{"e":{"enum":["x","y"]}}}""")]
    public void Schemas_Kimi_accepts_pass(string json) => ToolSchema.ValidateToolSchema(json, "ParametersJson");

    [Theory]
    [InlineData("""{"type":"array"}""", "\"type\":\"object\"")]
    [InlineData("""{}""", "\"type\":\"object\"")]
    [InlineData("""{"type":"object","properties":[]}""", "'properties'")]
    [InlineData("""{"type":"object","properties":{"a":"string"}}""", "'a'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"strng"}}}""", "'strng'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"array","items":{"type":"int"}}}}""", "'int'")]
    [InlineData("""{"type":"object","required":[1]}""", "'required'")]
    public void Schemas_Kimi_rejects_fail_naming_the_parameter_and_the_problem(string json, string problem)
    {
        var ex = Assert.Throws<KimiException>(() => ToolSchema.ValidateToolSchema(json, "ParametersJson"));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.StartsWith("Parameter 'ParametersJson'", ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.False(string.IsNullOrEmpty(ex.RecommendedAction));
    }
}
