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
}
