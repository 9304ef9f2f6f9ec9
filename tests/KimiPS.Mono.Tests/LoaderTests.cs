using System.Reflection;

namespace KimiPS.Mono.Tests;

/// <summary>The Windows PowerShell dependency loader's logic, installed as the module initializer installs it.</summary>
public static class LoaderTests
{
    private const string JsonToken = "PublicKeyToken=cc7b13ffcd2ddd51";

    [MonoTest]
    public static void System_Text_Json_is_served_from_dependencies()
    {
        using (var client = ClientTests.NewClient()) client.Chat(ClientTests.Ask("load json"));
        var json = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "System.Text.Json");
        Check.Equal(new Version(8, 0, 0, 0), json.GetName().Version, "System.Text.Json version");
        Check.True(Path.GetDirectoryName(json.Location) == StagedModule.DependenciesDirectory.TrimEnd('/'), "loaded from the staged dependencies/: " + json.Location);
        lock (StagedModule.Requests)
        {
            Check.True(StagedModule.Requests.Any(r => r.Requested.StartsWith("System.Text.Json,", StringComparison.Ordinal) && r.Answer is not null), "the resolver answered for System.Text.Json");
        }
    }

    [MonoTest]
    public static void The_whole_closure_resolves_from_dependencies()
    {
        foreach (var name in StagedModule.Resolver.Names)
        {
            var requested = AssemblyName.GetAssemblyName(Path.Combine(StagedModule.DependenciesDirectory, name + ".dll")).FullName;
            var path = StagedModule.Resolver.Resolve(requested, "KimiPS.Core");
            Check.True(path is not null && path.StartsWith(StagedModule.DependenciesDirectory, StringComparison.Ordinal), $"{requested} resolves to dependencies/");
            Check.Equal(name, Assembly.LoadFrom(path!).GetName().Name, "the loaded assembly");
        }
        Check.True(StagedModule.Resolver.Names.Contains("System.Text.Json"), "the closure includes System.Text.Json");
    }

    [MonoTest]
    public static void A_name_outside_the_shipped_closure_is_declined()
    {
        Check.Equal(null, StagedModule.Resolver.Resolve("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", "KimiPS.Core"), "Newtonsoft.Json");
        Check.Throws<FileNotFoundException>(() => Assembly.Load("KimiPS.NoSuchDependency, Version=1.0.0.0"), "loading a name nobody ships");
    }

    [MonoTest]
    public static void A_newer_version_than_ours_is_declined_and_an_older_request_gets_ours()
    {
        Check.Equal(null, StagedModule.Resolver.Resolve($"System.Text.Json, Version=9.0.0.0, Culture=neutral, {JsonToken}", "KimiPS.Core"), "System.Text.Json 9 requested");
        var older = StagedModule.Resolver.Resolve($"System.Text.Json, Version=4.0.0.0, Culture=neutral, {JsonToken}", "KimiPS.Core");
        Check.True(older is not null && older.EndsWith("System.Text.Json.dll", StringComparison.Ordinal), "an older request (a missing binding redirect) gets our 8.0");
    }

    [MonoTest]
    public static void Another_module_asking_for_our_copy_is_declined()
    {
        Check.Equal(null, StagedModule.Resolver.Resolve($"System.Text.Json, Version=8.0.0.0, Culture=neutral, {JsonToken}", "SomeOtherModule"), "a request from another module");
        Check.Equal(null, StagedModule.Resolver.Resolve("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=0000000000000000", "KimiPS.Core"), "another publisher's System.Text.Json");
    }
}
