using System.Runtime.InteropServices;

namespace KimiPS.Core;

/// <summary>Which .NET the module runs on: Windows PowerShell 5.1 is .NET Framework, PowerShell 7 is .NET 8+.</summary>
internal static class Runtime
{
    public static bool IsNetFramework { get; } =
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
}
