using System.Reflection;

namespace KimiPS.Mono.Tests;

/// <summary>
/// Entry point. Main touches no KimiPS.Core type: the resolver must be in place before the runtime
/// looks for KimiPS.Core and System.Text.Json, as in Windows PowerShell, where the module initializer
/// runs before any cmdlet.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var repoRoot = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var moduleDirectory = Path.Combine(repoRoot, "out", "KimiPS");
        StagedModule.InstallResolver(moduleDirectory);
        return args.Length == 2 && args[0] == "--child"
            ? ChildScenarios.Run(args[1])
            : TestRunner.RunAll(repoRoot, moduleDirectory);
    }
}
