using System.Reflection;

namespace KimiPS.PowerShell.Tests.Infrastructure;

/// <summary>Where the repository, the staged module and Pester are, as the build recorded them.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string StagedManifest { get; } = Path.Combine(RepoRoot, "out", "KimiPS", "KimiPS.psd1");

    public static string PesterManifest { get; } = Path.GetFullPath(Metadata("PesterManifest"));

    public static string PesterFolder { get; } = Path.Combine(RepoRoot, "tests", "Pester");

    /// <summary>Per-file Pester summaries; .ci/run adds their counts to its closing line.</summary>
    public static string PesterResults { get; } = Path.Combine(RepoRoot, "TestResults", "Pester");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
