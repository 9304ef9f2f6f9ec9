using System.Runtime.InteropServices;

namespace KimiPS.Tests.Shared;

/// <summary>
/// A fact about file names that only Unix file systems allow (a quote or a line break in a name): skipped on
/// Windows, where such a file cannot be created; the GitHub Actions matrix runs these tests there too.
/// </summary>
public sealed class UnixOnlyFactAttribute : FactAttribute
{
    public UnixOnlyFactAttribute()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) Skip = "The file name is not legal on Windows.";
    }
}

/// <summary>The theory form of <see cref="UnixOnlyFactAttribute"/>.</summary>
public sealed class UnixOnlyTheoryAttribute : TheoryAttribute
{
    public UnixOnlyTheoryAttribute()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) Skip = "The file name is not legal on Windows.";
    }
}
