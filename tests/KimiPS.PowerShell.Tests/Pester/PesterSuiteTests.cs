using System.Text.Json;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Pester;

/// <summary>
/// Every tests/Pester/*.Tests.ps1 in a fresh pwsh 7.6 process (the tool manifest's), against its own
/// emulator. A failing Pester test fails this test, with the names of the failures in its message.
/// </summary>
public sealed class PesterSuiteTests
{
    private static readonly TimeSpan FileTimeout = TimeSpan.FromMinutes(10);

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(TestPaths.PesterFolder, "*.Tests.ps1").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(path));
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Pester_file_passes_in_pwsh(string file)
    {
        Assert.True(File.Exists(TestPaths.StagedManifest), $"The staged module is missing: {TestPaths.StagedManifest}");
        await using var emulator = KimiEmulator.Start();
        var summaryPath = Path.Combine(TestPaths.PesterResults, Path.GetFileNameWithoutExtension(file) + ".json");
        Directory.CreateDirectory(TestPaths.PesterResults);
        File.Delete(summaryPath);

        var run = await ChildProcess.RunAsync(
            "dotnet",
            ["tool", "run", "pwsh", "--", "-NoLogo", "-NoProfile", "-NonInteractive", "-File",
             Path.Combine(TestPaths.PesterFolder, "Invoke-KimiPesterFile.ps1"),
             "-TestFile", Path.Combine(TestPaths.PesterFolder, file),
             "-PesterManifest", TestPaths.PesterManifest,
             "-ResultFolder", TestPaths.PesterResults],
            TestPaths.RepoRoot,
            new Dictionary<string, string?>
            {
                ["KIMI_EMULATOR_BASEURI"] = emulator.BaseUri.ToString(),
                ["MOONSHOT_API_KEY"] = null,
                ["KIMIPS_LOG"] = null,
                ["NO_COLOR"] = "1",
                ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
                ["POWERSHELL_UPDATECHECK"] = "Off",
            },
            FileTimeout);

        Assert.False(run.TimedOut, $"{file} did not finish within {FileTimeout}.\n{run.Output}");
        Assert.True(File.Exists(summaryPath), $"{file} wrote no summary (exit code {run.ExitCode}).\n{run.Output}");
        using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var failures = summary.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToList();
        var passed = summary.RootElement.GetProperty("passed").GetInt32();
        Assert.True(failures.Count == 0 && passed > 0 && run.ExitCode == 0,
            $"{file}: {passed} passed, {failures.Count} failed (exit code {run.ExitCode}):\n  " +
            string.Join("\n  ", failures) + "\n--- pwsh output ---\n" + run.Output);
    }
}
