using KimiPS.Tests.Infrastructure;

namespace KimiPS.Tests;

/// <summary>DESIGN.md §8: the cmdlets of the staged KimiPS.dll, read from metadata.</summary>
public sealed class ModuleContractTests : IClassFixture<StagedModule>
{
    private readonly StagedModule _module;

    public ModuleContractTests(StagedModule module) => _module = module;

    public static TheoryData<string> Rules => new(CmdletRules.All.Keys);

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_cmdlet_follows_the_rule(string rule)
    {
        var violations = _module.Cmdlets.SelectMany(CmdletRules.All[rule]).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void CmdletsToExport_equals_the_cmdlets_in_the_assembly()
    {
        var exported = Psd1.Load(Path.Combine(TestPaths.RepoRoot, "KimiPS.psd1")).Array("CmdletsToExport")!;
        Assert.Equal(exported.Count, exported.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var inAssembly = _module.Cmdlets.Select(c => c.Name);
        Assert.Equal(exported.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), inAssembly.OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Module_initializer_is_public_sealed_and_registered_for_import_and_removal()
    {
        var initializer = _module.KimiPS.GetType("KimiPS.KimiModuleInitializer");
        Assert.NotNull(initializer);
        Assert.True(initializer!.IsPublic && initializer.IsSealed);
        var interfaces = initializer.GetInterfaces().Select(i => i.FullName).ToList();
        Assert.Contains("System.Management.Automation.IModuleAssemblyInitializer", interfaces);
        Assert.Contains("System.Management.Automation.IModuleAssemblyCleanup", interfaces);
    }

    [Fact]
    public void Every_error_category_name_of_the_core_is_an_ErrorCategory_value()
    {
        var categories = _module.Core.GetType("KimiPS.Core.KimiErrorCategories", throwOnError: true)!
            .GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(categories);
        var errorCategory = _module.Sma.GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!;
        var names = errorCategory.GetFields().Where(f => f.IsStatic).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("NotSpecified", names); // the enum was really read
        Assert.All(categories, c => Assert.Contains(c, names));
    }

    [Theory]
    [InlineData("KimiPS.dll", true)]
    [InlineData("KimiPS.Core.dll", false)]
    public void Our_assemblies_reference_only_the_allow_list(string file, bool mayReferenceSma)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "netstandard", "KimiPS.Core", "System.Text.Json", "System.Text.Encodings.Web", "System.Memory",
            "System.Buffers", "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions",
            "System.Numerics.Vectors", "Microsoft.Bcl.AsyncInterfaces",
        };
        if (mayReferenceSma)
        {
            allowed.Add("System.Management.Automation");
        }

        var assembly = file == "KimiPS.dll" ? _module.KimiPS : _module.Core;
        var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.Contains("netstandard", references);
        var unexpected = references.Where(r => !allowed.Contains(r)).ToList();
        Assert.True(unexpected.Count == 0, $"{file} references assemblies outside the allow-list: {string.Join(", ", unexpected)}");
    }
}

/// <summary>Types that were public by accident stay internal (issue 9): callers see DESIGN §3.1 and the cmdlets.</summary>
public sealed class AccidentalSurfaceTests : IClassFixture<StagedModule>
{
    private readonly StagedModule _module;

    public AccidentalSurfaceTests(StagedModule module) => _module = module;

    [Theory]
    [InlineData("KimiPS.Core.dll", "KimiPS.Core.Secrets")]
    [InlineData("KimiPS.Core.dll", "KimiPS.Core.WorkResult`2")]
    [InlineData("KimiPS.Core.dll", "KimiPS.Core.KimiErrorCategories")]
    [InlineData("KimiPS.Core.dll", "KimiPS.Core.KimiModuleErrorIds")]
    [InlineData("KimiPS.dll", "KimiPS.KimiFileCmdlet")]
    public void Is_not_public(string file, string typeName)
    {
        var assembly = file == "KimiPS.dll" ? _module.KimiPS : _module.Core;
        var type = assembly.GetType(typeName, throwOnError: false);
        Assert.True(type is null || !type.IsPublic, $"{typeName} is public");
    }

    [Theory]
    [InlineData("KimiPS.Core.ChatCompletion")]
    [InlineData("KimiPS.Core.ChatChoice")]
    [InlineData("KimiPS.Core.ChatChunk")]
    [InlineData("KimiPS.Core.ChatUsage")]
    [InlineData("KimiPS.Core.KimiFile")]
    [InlineData("KimiPS.Core.KimiModel")]
    [InlineData("KimiPS.Core.KimiBalance")]
    [InlineData("KimiPS.Core.KimiBatch")]
    public void A_response_type_is_get_only_to_callers(string typeName)
    {
        // What the server said is read, not rewritten: only the core (and the module, through InternalsVisibleTo) sets it.
        var type = _module.Core.GetType(typeName, throwOnError: true)!;
        var settable = type.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name).ToList();
        Assert.NotEmpty(type.GetProperties());
        Assert.True(settable.Count == 0, $"{typeName} has public setters: {string.Join(", ", settable)}");
    }

    [Fact]
    public void Connection_is_declared_once_on_the_base_of_the_cmdlets_that_take_it()
    {
        var declaring = _module.KimiPS.GetTypes().Where(t => t.IsPublic)
            .Select(t => t.GetProperty("Connection", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(p => p is not null).Select(p => p!.DeclaringType!.Name).ToList();
        Assert.Equal(new[] { "KimiApiCmdlet" }, declaring);
    }
}
