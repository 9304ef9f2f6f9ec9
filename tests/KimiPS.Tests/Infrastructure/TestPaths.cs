using System.Reflection;

namespace KimiPS.Tests.Infrastructure;

/// <summary>Where things are: written into the test assembly by the build (AssemblyMetadata).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    /// <summary>The staged module, produced by the KimiPS project's StageModule target.</summary>
    public static string StageDir { get; } = Path.Combine(RepoRoot, "out", "KimiPS");

    public static string SystemManagementAutomation { get; } = Metadata("SystemManagementAutomationPath");

    public static string SampleModule { get; } = Path.Combine(AppContext.BaseDirectory, "SampleModule", "KimiPS.SampleModule.dll");

    public static string SampleModuleDoc { get; } = Path.ChangeExtension(SampleModule, ".xml");

    /// <summary>The running runtime's assemblies: they resolve netstandard and the BCL for metadata reading.</summary>
    public static IEnumerable<string> RuntimeAssemblies =>
        Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
