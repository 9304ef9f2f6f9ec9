using System.Reflection;
using KimiPS.HelpGen;

namespace KimiPS.Tests.Infrastructure;

/// <summary>
/// The staged out/KimiPS/ read through a MetadataLoadContext (shared by the tests of a class).
/// Metadata only: KimiPS.dll references System.Management.Automation, which cannot run here.
/// </summary>
public sealed class StagedModule : IDisposable
{
    private readonly CmdletReader _reader;
    private IReadOnlyList<CmdletModel>? _cmdlets;

    public StagedModule()
    {
        if (!File.Exists(Path.Combine(TestPaths.StageDir, "KimiPS.dll")))
        {
            throw new InvalidOperationException(
                $"The staged module is missing ({TestPaths.StageDir}). Build tests/KimiPS.Tests (it stages the module) " +
                "or run `dotnet build -c Release`.");
        }

        // Our staged copies first, so they win over the runtime's assemblies of the same name.
        _reader = new CmdletReader(
            new[] { Path.Combine(TestPaths.StageDir, "KimiPS.dll"), Path.Combine(TestPaths.StageDir, "KimiPS.Core.dll"), TestPaths.SystemManagementAutomation }
                .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.StageDir, "dependencies"), "*.dll"))
                .Concat(TestPaths.RuntimeAssemblies),
            "System.Private.CoreLib");
        KimiPS = _reader.Load(Path.Combine(TestPaths.StageDir, "KimiPS.dll"));
        Core = _reader.Load(Path.Combine(TestPaths.StageDir, "KimiPS.Core.dll"));
        Sma = _reader.Load(TestPaths.SystemManagementAutomation);
    }

    internal Assembly KimiPS { get; }

    internal Assembly Core { get; }

    internal Assembly Sma { get; }

    /// <summary>The cmdlets of KimiPS.dll; fails, saying why, when there are none.</summary>
    internal IReadOnlyList<CmdletModel> Cmdlets
    {
        get
        {
            _cmdlets ??= _reader.ReadCmdlets(KimiPS);
            Assert.True(_cmdlets.Count > 0,
                "KimiPS.dll contains no [Cmdlet] types: the cmdlets (src/KimiPS/Commands) have not been built into the staged module.");
            return _cmdlets;
        }
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>The test sample (tests/KimiPS.Tests/SampleModule): cmdlets that follow and break the rules.</summary>
public sealed class SampleModule : IDisposable
{
    private readonly CmdletReader _reader;

    public SampleModule()
    {
        _reader = new CmdletReader(
            new[] { TestPaths.SampleModule, TestPaths.SystemManagementAutomation }.Concat(TestPaths.RuntimeAssemblies),
            "System.Private.CoreLib");
        Cmdlets = _reader.ReadCmdlets(_reader.Load(TestPaths.SampleModule));
    }

    internal IReadOnlyList<CmdletModel> Cmdlets { get; }

    internal CmdletModel this[string name] => Cmdlets.Single(c => c.Name == name);

    public void Dispose() => _reader.Dispose();
}
