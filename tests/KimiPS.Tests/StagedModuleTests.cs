using System.Reflection;
using System.Xml.Linq;
using KimiPS.Tests.Infrastructure;

namespace KimiPS.Tests;

/// <summary>DESIGN.md §2, §5, §8: the staged out/KimiPS/ folder and its manifest.</summary>
public sealed class StagedModuleTests
{
    private static readonly string[] Closure =
    {
        "Microsoft.Bcl.AsyncInterfaces", "System.Buffers", "System.Memory", "System.Numerics.Vectors",
        "System.Runtime.CompilerServices.Unsafe", "System.Text.Encodings.Web", "System.Text.Json",
        "System.Threading.Tasks.Extensions",
    };

    private static string Stage(string relative) => Path.Combine(TestPaths.StageDir, relative);

    private static Psd1 StagedManifest => Psd1.Load(Stage("KimiPS.psd1"));

    [Fact]
    public void Stage_has_every_file_the_manifest_names()
    {
        var manifest = StagedManifest;
        var named = new List<string> { manifest.String("RootModule")! };
        named.AddRange(manifest.Array("FormatsToProcess")!);
        named.Add("KimiPS.Core.dll");
        named.Add(Path.Combine("en-US", "KimiPS.dll-Help.xml"));
        named.Add(Path.Combine("en-US", "about_KimiPS.help.txt"));
        // Simplified Chinese help: zh-CN, and zh-Hans for the cultures whose parent it is (zh-SG, zh-Hans-CN).
        foreach (var culture in new[] { "zh-CN", "zh-Hans" })
        {
            named.Add(Path.Combine(culture, "KimiPS.dll-Help.xml"));
            named.Add(Path.Combine(culture, "about_KimiPS.help.txt"));
        }
        named.AddRange(Closure.Select(n => Path.Combine("dependencies", n + ".dll")));
        Assert.Equal("KimiPS.dll", named[0]);
        Assert.Contains("KimiPS.format.ps1xml", named);
        Assert.All(named, f => Assert.True(File.Exists(Stage(f)), $"out/KimiPS/{f} is missing."));
    }

    [Fact]
    public void Root_holds_only_the_module_files()
    {
        var root = Directory.EnumerateFileSystemEntries(TestPaths.StageDir).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "KimiPS.Core.dll", "KimiPS.dll", "KimiPS.format.ps1xml", "KimiPS.psd1", "LICENSE", "dependencies", "en-US", "zh-CN", "zh-Hans" }, root);
    }

    [Fact]
    public void Dependencies_hold_exactly_the_netstandard_closure()
    {
        var files = Directory.EnumerateFiles(Stage("dependencies")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Closure.Select(n => n + ".dll").Order(StringComparer.Ordinal), files);

        // System.Text.Json stays at 8.0.x: PowerShell 7.4's runtime copy (8.0) must satisfy our reference.
        Assert.Equal(8, AssemblyName.GetAssemblyName(Stage(Path.Combine("dependencies", "System.Text.Json.dll"))).Version!.Major);
    }

    [Fact]
    public void No_System_Management_Automation_is_shipped()
    {
        Assert.Empty(Directory.EnumerateFiles(TestPaths.StageDir, "System.Management.Automation*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Staged_ModuleVersion_is_the_VersionPrefix_of_Directory_Build_props()
    {
        var versionPrefix = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value.Trim();
        Assert.Equal(versionPrefix, StagedManifest.String("ModuleVersion"));
    }

    [Fact]
    public void Staged_manifest_is_the_repo_manifest_but_for_ModuleVersion()
    {
        static IEnumerable<string> WithoutVersion(string path) =>
            File.ReadAllLines(Path.Combine(path)).Where(l => !l.TrimStart().StartsWith("ModuleVersion", StringComparison.Ordinal))
                .Select(l => l.TrimEnd()).Where(l => l.Length > 0);
        Assert.Equal(WithoutVersion(Path.Combine(TestPaths.RepoRoot, "KimiPS.psd1")), WithoutVersion(Stage("KimiPS.psd1")));
    }

    [Fact]
    public void Manifest_fields_follow_the_design()
    {
        var m = Psd1.Load(Path.Combine(TestPaths.RepoRoot, "KimiPS.psd1"));
        Assert.Equal("KimiPS.dll", m.String("RootModule"));
        Assert.True(Guid.TryParse(m.String("GUID"), out _));
        Assert.False(string.IsNullOrWhiteSpace(m.String("Author")));
        Assert.False(string.IsNullOrWhiteSpace(m.String("CompanyName")));
        Assert.False(string.IsNullOrWhiteSpace(m.String("Copyright")));
        Assert.False(string.IsNullOrWhiteSpace(m.String("Description")));
        Assert.Equal(new[] { "Desktop", "Core" }, m.Array("CompatiblePSEditions"));
        Assert.Equal("5.1", m.String("PowerShellVersion"));
        Assert.Equal("4.7.2", m.String("DotNetFrameworkVersion"));
        Assert.Equal(new[] { "KimiPS.format.ps1xml" }, m.Array("FormatsToProcess"));
        Assert.Empty(m.Array("FunctionsToExport")!);
        Assert.Empty(m.Array("AliasesToExport")!);
        Assert.Empty(m.Array("VariablesToExport")!);
        Assert.Equal(24, m.Array("CmdletsToExport")!.Count);
        Assert.Equal(
            new[] { "Kimi", "Moonshot", "AI", "LLM", "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" }.Order(StringComparer.Ordinal),
            m.Array("Tags")!.Order(StringComparer.Ordinal));
        // No public address exists yet: no placeholder is published (DESIGN §5); the LICENSE file ships instead.
        Assert.Null(m.String("LicenseUri"));
        Assert.Null(m.String("ProjectUri"));
        Assert.False(string.IsNullOrWhiteSpace(m.String("ReleaseNotes")));
    }

    [Fact]
    public void Manifest_is_ascii_so_Windows_PowerShell_reads_it_the_same_in_any_code_page()
    {
        Assert.All(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "KimiPS.psd1")), b => Assert.True(b < 0x80));
    }
}
