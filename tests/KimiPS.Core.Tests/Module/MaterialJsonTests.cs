using System.Collections;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Module;

public class MaterialJsonTests
{
    /// <summary>Public instance properties, as a plain .NET view of an object (the module supplies PowerShell's).</summary>
    private sealed class ReflectionShape : IMaterialShape
    {
        public object? Adapt(object value, string path) =>
            value is System.Security.SecureString ? throw new KimiException("KimiUnsupportedInput", "SecurityError", "secret at " + path) : value;

        public IEnumerable<KeyValuePair<string, Func<object?>>> Properties(object value) =>
            value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => new KeyValuePair<string, Func<object?>>(p.Name, () => p.GetValue(value)));
    }

    private sealed class Node
    {
        public string Name { get; set; } = "";
        public Node? Child { get; set; }
        public string Throws => throw new InvalidOperationException("getter fails");
    }

    private static (string Json, MaterialCuts Cuts) Write(object? value)
    {
        var cuts = new MaterialCuts();
        return (new MaterialJson(new ReflectionShape(), cuts).Write(value), cuts);
    }

    [Fact]
    public void Scalars_dictionaries_and_collections_are_compact_json()
    {
        var value = new Dictionary<string, object?>
        {
            ["s"] = "a\"b\n", ["n"] = 42, ["d"] = 1.5, ["b"] = true, ["nul"] = null,
            ["e"] = DayOfWeek.Monday, ["t"] = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), ["list"] = new[] { 1, 2 },
        };
        var (json, cuts) = Write(value);
        Assert.Equal("{\"s\":\"a\\\"b\\n\",\"n\":42,\"d\":1.5,\"b\":true,\"nul\":null,\"e\":\"Monday\",\"t\":\"2026-12-01T00:00:00.0000000Z\",\"list\":[1,2]}", json);
        Assert.False(cuts.Any);
        Assert.Null(cuts.Describe());
    }

    [Fact]
    public void Objects_deeper_than_two_levels_become_their_text_and_are_named()
    {
        var node = new Node { Name = "a", Child = new Node { Name = "b", Child = new Node { Name = "c" } } };
        var (json, cuts) = Write(node);
        Assert.StartsWith("{\"Name\":\"a\",\"Child\":{\"Name\":\"b\",\"Child\":\"", json);
        Assert.Contains("\"Throws\":null", json); // a getter that throws is null, as in ConvertTo-Json
        Assert.True(cuts.Any);
        Assert.Contains("Child.Child", cuts.Describe());
    }

    [Fact]
    public void A_member_too_large_is_left_out_and_the_rest_kept()
    {
        var value = new Dictionary<string, object?> { ["a"] = 1, ["big"] = new string('x', MaterialLimits.MaxObjectChars + 10), ["z"] = "kept" };
        var (json, cuts) = Write(value);
        Assert.Equal("{\"a\":1,\"z\":\"kept\"}", json);
        Assert.Contains("left out", cuts.Describe());
        Assert.Contains("big", cuts.Describe());
    }

    [Fact]
    public void Collections_are_cut_to_their_first_items()
    {
        var value = new Dictionary<string, object?> { ["items"] = Enumerable.Range(0, 500) };
        var (json, cuts) = Write(value);
        Assert.Equal(MaterialLimits.MaxItems, json.Split(',').Length);
        Assert.Contains("items", cuts.Describe());
    }

    [Fact]
    public void An_infinite_sequence_is_bounded()
    {
        static IEnumerable Forever() { while (true) yield return 1; }
        var (json, _) = Write(new Dictionary<string, object?> { ["f"] = Forever() });
        Assert.True(json.Length < 1000);
    }

    [Fact]
    public void A_secret_anywhere_throws_the_shape_s_error()
    {
        var value = new Dictionary<string, object?> { ["inner"] = new Dictionary<string, object?> { ["pw"] = new System.Security.SecureString() } };
        var ex = Assert.Throws<KimiException>(() => Write(value));
        Assert.Contains("inner.pw", ex.Message);
    }

    [Fact]
    public void Collected_material_joins_lines_then_one_array_and_bounds_memory()
    {
        var material = new PipedMaterial();
        material.AddText("one", "one");
        material.AddObject("{\"n\":1}", 1);
        material.AddText("two", "two");
        material.AddObject("{\"n\":2}", 2);
        Assert.Equal("one\ntwo\n\n[{\"n\":1},{\"n\":2}]", material.Text());
        Assert.Equal(new object?[] { "one", 1, "two", 2 }, material.Items);
        Assert.False(material.Overflowed);

        var big = new PipedMaterial();
        var line = new string('z', 1024 * 1024);
        for (var i = 0; i < 10; i++) big.AddText(line, i);
        Assert.True(big.Overflowed);
        Assert.True(big.Items.Count < 10);
        Assert.Equal(10L * (line.Length + 1), big.CountedChars);
    }
}
