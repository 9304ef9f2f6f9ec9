using System.Collections;
using System.Text.Json;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class ToolSchemaTests
{
    private enum Color { Red, Green }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData(typeof(string), "string")]
    [InlineData(typeof(int), "integer")]
    [InlineData(typeof(long?), "integer")]
    [InlineData(typeof(byte), "integer")]
    [InlineData(typeof(double), "number")]
    [InlineData(typeof(decimal), "number")]
    [InlineData(typeof(bool), "boolean")]
    [InlineData(typeof(string[]), "array")]
    [InlineData(typeof(List<int>), "array")]
    [InlineData(typeof(Hashtable), "object")]
    [InlineData(typeof(DateTime), "string")]
    [InlineData(typeof(Uri), "string")]
    public void Json_types(Type type, string expected) => Assert.Equal(expected, ToolSchema.JsonTypeOf(type));

    [Fact]
    public void Schema_from_parameters_maps_types_required_enum_description_and_skips_common_ones()
    {
        var json = ToolSchema.FromParameters(new[]
        {
            new ToolParameter("Name", typeof(string)) { IsMandatory = true, Description = "The process name" },
            new ToolParameter("Count", typeof(int)),
            new ToolParameter("Tags", typeof(string[])),
            new ToolParameter("Ids", typeof(int[])),
            new ToolParameter("Force", typeof(object)) { IsSwitch = true, IsMandatory = true },
            new ToolParameter("Mode", typeof(string)) { AllowedValues = new[] { "Fast", "Slow" } },
            new ToolParameter("Color", typeof(Color)),
            new ToolParameter("Verbose", typeof(bool)),
            new ToolParameter("WhatIf", typeof(bool)),
            new ToolParameter("ErrorAction", typeof(string)),
        });
        var root = Parse(json);
        Assert.Equal("object", root.GetProperty("type").GetString());
        var props = root.GetProperty("properties");
        Assert.Equal(new[] { "Name", "Count", "Tags", "Ids", "Force", "Mode", "Color" }, props.EnumerateObject().Select(p => p.Name));
        Assert.Equal("string", props.GetProperty("Name").GetProperty("type").GetString());
        Assert.Equal("The process name", props.GetProperty("Name").GetProperty("description").GetString());
        Assert.Equal("integer", props.GetProperty("Count").GetProperty("type").GetString());
        Assert.Equal("string", props.GetProperty("Tags").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("integer", props.GetProperty("Ids").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("boolean", props.GetProperty("Force").GetProperty("type").GetString());
        Assert.Equal(new[] { "Fast", "Slow" }, props.GetProperty("Mode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "Red", "Green" }, props.GetProperty("Color").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        // A mandatory switch is not "required": omitting it means false.
        Assert.Equal(new[] { "Name" }, root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void No_required_array_when_nothing_is_mandatory()
    {
        var root = Parse(ToolSchema.FromParameters(new[] { new ToolParameter("Path", typeof(string)) }));
        Assert.False(root.TryGetProperty("required", out _));
    }

    [Theory]
    [InlineData("Get-Process")]
    [InlineData("get_weather")]
    [InlineData("_abc")]
    public void Valid_names(string name) => ToolSchema.ValidateName(name, "Name");

    [Theory]
    [InlineData("$web_search")]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("My.Module\\Get-Thing")]
    public void Invalid_names_name_the_parameter(string name)
    {
        var ex = Assert.Throws<KimiException>(() => ToolSchema.ValidateName(name, "Name"));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains("'Name'", ex.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"object\"}", null)]
    [InlineData("[]", "array")]
    [InlineData("\"x\"", "string")]
    [InlineData("{oops", "not valid JSON")]
    public void Parameters_json_root_must_be_an_object(string json, string? problem)
    {
        if (problem is null) { ToolSchema.ValidateObjectSchema(json, "ParametersJson"); return; }
        var ex = Assert.Throws<KimiException>(() => ToolSchema.ValidateObjectSchema(json, "ParametersJson"));
        Assert.Contains("'ParametersJson'", ex.Message);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Arguments_become_a_case_insensitive_splat_table()
    {
        var t = ToolSchema.ParseArguments("{\"Name\":\"pwsh\",\"count\":3,\"ratio\":0.5,\"all\":true,\"tags\":[\"a\",1],\"opt\":null,\"nested\":{\"k\":\"v\"},\"bogus\":1}",
            new[] { "Name", "Count", "Ratio", "All", "Tags", "Opt", "Nested" }, out var refused);
        Assert.Equal("pwsh", t["name"]);
        Assert.Equal(3L, Assert.IsType<long>(t["Count"]));
        Assert.Equal(0.5, Assert.IsType<double>(t["Ratio"]));
        Assert.Equal(true, t["All"]);
        Assert.Equal(new object[] { "a", 1L }, (object[])t["Tags"]!);
        Assert.False(t.ContainsKey("opt"));
        Assert.Equal("v", ((Hashtable)t["nested"]!)["K"]);
        Assert.False(t.ContainsKey("bogus"));
        Assert.Equal(new[] { "bogus" }, refused);
        // Keyed by the declared spelling ("Count", not the model's "count").
        Assert.Equal(new[] { "All", "Count", "Name", "Nested", "Ratio", "Tags" }, t.Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{\"De\":true}", "De")]         // a prefix PowerShell would bind to -Destroy
    [InlineData("{\"Confirm\":false}", "Confirm")]
    [InlineData("{\"y\":1,\"x\":null}", "x")]  // refused even when null
    public void Undeclared_names_are_refused(string json, string name)
    {
        ToolSchema.ParseArguments(json, new[] { "y", "Destroy2" }, out var refused);
        Assert.Equal(new[] { name }, refused);
    }

    [Fact]
    public void The_refusal_tells_the_model_what_it_may_pass()
    {
        Assert.Equal("Error: this tool has no parameter 'Destroy'; nothing was run. Its parameters are: y, z.",
            ToolSchema.RefusalResult(new[] { "Destroy" }, new[] { "y", "z" }));
        Assert.EndsWith("It takes no parameters.", ToolSchema.RefusalResult(new[] { "a" }, Array.Empty<string>()));
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("[1,2]")]
    public void Bad_arguments_are_a_protocol_error(string json)
    {
        var ex = Assert.Throws<KimiException>(() => ToolSchema.ParseArguments(json));
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ProtocolError, ex.Category); // one id, one category, everywhere
        Assert.Equal("Ask again; the model usually corrects itself.", ex.RecommendedAction);
    }

    [Fact]
    public void Empty_arguments_are_an_empty_table() => Assert.Empty(ToolSchema.ParseArguments(""));
}
