using System.Reflection;

namespace KimiPS.Mono.Tests;

/// <summary>
/// Loads the staged module's assemblies the way Windows PowerShell does: KimiPS.Core from the module
/// folder (PowerShell's LoadFrom of KimiPS.dll finds it beside it), and the System.Text.Json closure
/// through the module's own <see cref="DependencyResolver"/>, installed exactly as KimiModuleInitializer
/// installs it on .NET Framework (AssemblyResolve, Assembly.LoadFrom).
/// </summary>
internal static class StagedModule
{
    public static DependencyResolver Resolver { get; private set; } = new(Array.Empty<DependencyResolver.Candidate>());

    public static string DependenciesDirectory { get; private set; } = "";

    /// <summary>Every name the handler was asked for, with what it answered (null = declined).</summary>
    public static List<(string Requested, string? Requester, string? Answer)> Requests { get; } = new();

    public static void InstallResolver(string moduleDirectory)
    {
        DependenciesDirectory = Path.Combine(moduleDirectory, "dependencies");
        Resolver = DependencyResolver.FromDirectory(DependenciesDirectory);
        var core = Path.Combine(moduleDirectory, "KimiPS.Core.dll");
        AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
        {
            if (new AssemblyName(e.Name).Name == "KimiPS.Core") return Assembly.LoadFrom(core);
            var requester = e.RequestingAssembly?.GetName().Name;
            var path = Resolver.Resolve(e.Name, requester);
            lock (Requests) Requests.Add((e.Name, requester, path));
            return path is null ? null : Assembly.LoadFrom(path);
        };
    }
}
