using System.Management.Automation;

namespace KimiPS.PowerShell.Tests.Infrastructure;

/// <summary>A temporary folder for one test's files, deleted afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kimips-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Writes a file (UTF-8 text) and returns its full path.</summary>
    public string File(string name, string text = "some text")
    {
        var full = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    public string Bytes(string name, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Assertions on ErrorRecords as a script would branch on them.</summary>
internal static class ErrorAssert
{
    /// <summary>The id (before the comma), category, a RecommendedAction and the cmdlet in the FullyQualifiedErrorId.</summary>
    public static ErrorRecord Is(ErrorRecord? error, string id, ErrorCategory category, string command)
    {
        Assert.NotNull(error);
        Assert.Equal($"{id},KimiPS.Commands.{command}", error!.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction), $"{id} has no RecommendedAction: {error}");
        return error;
    }

    public static string TargetPath(ErrorRecord error) => error.TargetObject switch
    {
        FileSystemInfo info => info.FullName,
        PSObject { BaseObject: FileSystemInfo info } => info.FullName,
        var other => other?.ToString() ?? "",
    };
}

/// <summary>
/// The module's types are loaded from the staged out/KimiPS at run time, not referenced: tests reach their
/// members dynamically and check their type by full name.
/// </summary>
internal static class Ps
{
    /// <summary>Asserts <paramref name="value"/> is KimiPS.Core.<paramref name="typeName"/> (or a full name) and returns it as dynamic.</summary>
    public static dynamic Is(object? value, string typeName)
    {
        Assert.NotNull(value);
        var expected = typeName.Contains('.') ? typeName : "KimiPS.Core." + typeName;
        Assert.Equal(expected, value!.GetType().FullName);
        return value;
    }

    public static dynamic Of(string typeName, object? value) => Is(value, typeName);

    public static List<dynamic> All(IEnumerable<object> values, string typeName) => values.Select(v => Is(v, typeName)).ToList();

    public static bool IsA(object? value, string typeName) => value?.GetType().FullName == "KimiPS.Core." + typeName;

    public static string S(dynamic value, string property) => (string)PSObject.AsPSObject((object)value).Properties[property].Value;
}
