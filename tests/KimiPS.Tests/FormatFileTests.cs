using System.Xml.Linq;
using KimiPS.Tests.Infrastructure;

namespace KimiPS.Tests;

/// <summary>The staged KimiPS.format.ps1xml against the assemblies (DESIGN.md §4, §7).</summary>
public sealed class FormatFileTests : IClassFixture<StagedModule>
{
    private readonly StagedModule _module;

    public FormatFileTests(StagedModule module) => _module = module;

    private static XDocument FormatFile
    {
        get
        {
            var path = Path.Combine(TestPaths.StageDir, "KimiPS.format.ps1xml");
            Assert.True(File.Exists(path), "out/KimiPS/KimiPS.format.ps1xml is missing (src/KimiPS/KimiPS.format.ps1xml has not landed).");
            return XDocument.Load(path);
        }
    }

    [Fact]
    public void Every_TypeName_exists_in_our_assemblies()
    {
        var typeNames = FormatFile.Descendants().Where(e => e.Name.LocalName == "TypeName").Select(e => e.Value.Trim()).Distinct().ToList();
        Assert.NotEmpty(typeNames);
        var missing = typeNames.Where(n => _module.KimiPS.GetType(n) is null && _module.Core.GetType(n) is null).ToList();
        Assert.True(missing.Count == 0, "Not found in KimiPS.dll or KimiPS.Core.dll: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_view_shows_an_ApiKey()
    {
        var shown = FormatFile.Descendants()
            .Where(e => e.Name.LocalName is "PropertyName" or "ScriptBlock" && e.Value.Contains("ApiKey", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Value.Trim()).ToList();
        Assert.Empty(shown);
    }

    [Fact]
    public void Output_types_with_an_ApiKey_property_have_a_view()
    {
        // Without a view PowerShell shows every public property, the key included.
        var viewed = FormatFile.Descendants().Where(e => e.Name.LocalName == "TypeName").Select(e => e.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var exposed = _module.Cmdlets.SelectMany(c => c.OutputTypes).Where(o => o.Type is not null).Select(o => o.Type!)
            .Where(t => t.GetProperties().Any(p => p.Name == "ApiKey")).Select(t => t.FullName!).Distinct().ToList();
        var unviewed = exposed.Where(t => !viewed.Contains(t)).ToList();
        Assert.True(unviewed.Count == 0, "Output types with an ApiKey property but no view: " + string.Join(", ", unviewed));
    }

    [Fact]
    public void ChatChunk_view_prints_only_the_chunk_text_out_of_band()
    {
        // Out-Default ends every object with a line break, so a chunk can only ever print as its text and one
        // line end. What a view can still get wrong: a FormatStart/FormatEnd pair of blank lines around the
        // stream (in-band views), chunks forced into the table of a previous object's shape, frames or literal
        // text around the text, and chunks without Content (reasoning) printing as empty lines.
        var view = FormatFile.Descendants().Where(e => e.Name.LocalName == "View")
            .Single(v => v.Descendants().Any(e => e.Name.LocalName == "TypeName" && e.Value.Trim() == "KimiPS.Core.ChatChunk"));
        Assert.Contains(view.Elements(), e => e.Name.LocalName == "OutOfBand");
        var control = Assert.Single(view.Elements(), e => e.Name.LocalName.EndsWith("Control", StringComparison.Ordinal));
        Assert.Equal("CustomControl", control.Name.LocalName);
        var item = Assert.Single(control.Descendants(), e => e.Name.LocalName == "CustomItem");
        var binding = Assert.Single(item.Elements());
        Assert.Equal("ExpressionBinding", binding.Name.LocalName);
        var script = binding.Elements().Single(e => e.Name.LocalName == "ScriptBlock").Value;
        Assert.Contains("$_.Content", script, StringComparison.Ordinal);
        Assert.Contains("$_.ReasoningContent", script, StringComparison.Ordinal);
    }

    [Fact]
    public void No_output_type_exposes_a_secret_through_a_property()
    {
        // A view hides nothing from Select-Object * or Format-List *: the key must not be a property at all.
        // Output types and the types of their properties (KimiConnection.RateLimits, ChatCompletion.Usage...).
        var secretNames = new[] { "ApiKey", "Key", "Secret", "Password", "Credential", "Authorization" };
        var secretTypes = new[] { "System.Security.SecureString", "System.Net.NetworkCredential", "System.Management.Automation.PSCredential", "System.Net.ICredentials" };
        var outputs = _module.Cmdlets.SelectMany(c => c.OutputTypes).Where(o => o.Type is not null).Select(o => o.Type!).Distinct().ToList();
        Assert.Contains(outputs, t => t.FullName == "KimiPS.KimiConnection"); // the type that holds the key is really checked
        var ours = outputs.Concat(outputs.SelectMany(t => t.GetProperties()).Select(p => p.PropertyType))
            .Where(t => t.Assembly == _module.KimiPS || t.Assembly == _module.Core).Distinct();
        var exposed = ours.SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => secretNames.Contains(x.Property.Name, StringComparer.OrdinalIgnoreCase) || secretTypes.Contains(x.Property.PropertyType.FullName))
            .Select(x => $"{x.Type.FullName}.{x.Property.Name}").ToList();
        Assert.True(exposed.Count == 0, "Public properties that can carry a secret: " + string.Join(", ", exposed));
    }
}
