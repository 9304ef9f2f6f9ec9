using System.Reflection;

namespace KimiPS.Tests;

/// <summary>The decisions of the Windows PowerShell AssemblyResolve handler (src/KimiPS/DependencyResolver.cs).</summary>
public sealed class DependencyResolverTests
{
    private const string Token = "cc7b13ffcd2ddd51";
    private const string StjPath = "/module/dependencies/System.Text.Json.dll";

    private static readonly DependencyResolver Resolver = new(new[]
    {
        Candidate("System.Text.Json", "8.0.0.0", StjPath),
        Candidate("System.Runtime.CompilerServices.Unsafe", "6.0.0.0", "/module/dependencies/System.Runtime.CompilerServices.Unsafe.dll", "b03f5f7f11d50a3a"),
        Candidate("System.Memory", "4.0.1.2", "/module/dependencies/System.Memory.dll"),
    });

    private static DependencyResolver.Candidate Candidate(string name, string version, string path, string token = Token) =>
        new(new AssemblyName($"{name}, Version={version}, Culture=neutral, PublicKeyToken={token}"), path);

    private static string Request(string name, string version, string token = Token) =>
        $"{name}, Version={version}, Culture=neutral, PublicKeyToken={token}";

    [Theory]
    [InlineData("8.0.0.0")]
    [InlineData("6.0.0.0")]
    [InlineData("4.0.0.0")]
    public void Answers_for_our_name_at_the_same_or_a_lower_version(string version)
    {
        Assert.Equal(StjPath, Resolver.Resolve(Request("System.Text.Json", version), "KimiPS.Core"));
    }

    [Fact]
    public void Answers_the_classic_missing_binding_redirect_inside_the_closure()
    {
        // System.Memory 4.5.x asks for Unsafe 4.0.4.1; we ship 6.0.0.0 (dotnet/runtime#66232).
        var path = Resolver.Resolve(Request("System.Runtime.CompilerServices.Unsafe", "4.0.4.1", "b03f5f7f11d50a3a"), "System.Memory");
        Assert.Equal("/module/dependencies/System.Runtime.CompilerServices.Unsafe.dll", path);
    }

    [Fact]
    public void Declines_a_higher_version_than_ours()
    {
        Assert.Null(Resolver.Resolve(Request("System.Text.Json", "9.0.0.0"), "KimiPS.Core"));
    }

    [Fact]
    public void Declines_names_we_do_not_ship()
    {
        Assert.Null(Resolver.Resolve(Request("Newtonsoft.Json", "13.0.0.0", "30ad4fe6b2a6aeed"), "KimiPS.Core"));
    }

    [Fact]
    public void Declines_requests_from_other_modules()
    {
        Assert.Null(Resolver.Resolve(Request("System.Text.Json", "4.0.1.2"), "Az.Accounts"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("KimiPS")]
    [InlineData("kimips.core")]
    [InlineData("System.Text.Encodings.Web")]
    [InlineData("System.Memory")]
    public void Answers_requests_from_our_assemblies_the_closure_or_an_unknown_requester(string? requester)
    {
        // System.Text.Encodings.Web is not in this resolver's set, so only the null/own cases and System.Memory pass.
        var expected = requester is "System.Text.Encodings.Web" ? null : StjPath;
        Assert.Equal(expected, Resolver.Resolve(Request("System.Text.Json", "8.0.0.0"), requester));
    }

    [Fact]
    public void Declines_a_different_public_key_token()
    {
        Assert.Null(Resolver.Resolve(Request("System.Text.Json", "8.0.0.0", "0123456789abcdef"), "KimiPS.Core"));
    }

    [Fact]
    public void Answers_a_name_without_version_or_token()
    {
        Assert.Equal(StjPath, Resolver.Resolve("System.Text.Json", null));
    }

    [Fact]
    public void Declines_a_malformed_name()
    {
        Assert.Null(Resolver.Resolve("System.Text.Json, Version=not-a-version", null));
    }

    [Fact]
    public void Reads_the_folder_once_and_skips_files_that_are_not_assemblies()
    {
        var folder = Directory.CreateTempSubdirectory("kimips-deps-").FullName;
        try
        {
            var mlc = typeof(MetadataLoadContext).Assembly.Location;
            File.Copy(mlc, Path.Combine(folder, Path.GetFileName(mlc)));
            File.WriteAllText(Path.Combine(folder, "native.dll"), "not a PE file");

            var resolver = DependencyResolver.FromDirectory(folder);

            Assert.Equal(new[] { "System.Reflection.MetadataLoadContext" }, resolver.Names);
            var version = AssemblyName.GetAssemblyName(mlc).Version!;
            Assert.Equal(Path.Combine(folder, Path.GetFileName(mlc)), resolver.Resolve($"System.Reflection.MetadataLoadContext, Version={version}", "KimiPS.Core"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_folder_answers_nothing()
    {
        Assert.Empty(DependencyResolver.FromDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).Names);
    }
}
