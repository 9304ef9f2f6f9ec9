using System.Runtime.InteropServices;

namespace KimiPS.Core;

/// <summary>Which .NET the module runs on: Windows PowerShell 5.1 is .NET Framework, PowerShell 7 is .NET 8+.</summary>
internal static class Runtime
{
    /// <summary>
    /// .NET Framework, or Mono: no PowerShell runs the module on Mono, but the test suite does, as the
    /// stand-in for .NET Framework (DESIGN.md §1). Its HttpClientHandler is HttpWebRequest-based too
    /// and it has ServicePointManager, so it takes the same paths.
    /// </summary>
    public static bool IsNetFramework { get; } =
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)
        || Type.GetType("Mono.Runtime") is not null;
}
