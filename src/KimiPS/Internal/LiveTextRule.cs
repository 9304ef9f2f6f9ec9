using System.Management.Automation;
using System.Management.Automation.Host;

namespace KimiPS;

/// <summary>
/// Decides whether a streamed answer is rendered live. Auto renders only where a person is watching the text and
/// nobody reads the chunk objects:
/// 1. the command is the last of its pipeline (nothing downstream wants ChatChunk objects; <c>$x = …</c> counts);
/// 2. the host has a window (its RawUI has a buffer: not a job, a remote session without a console, a runspace without UI);
/// 3. for the console host, its standard output is a terminal (<c>pwsh -c … &gt; file</c> gets objects only).
/// </summary>
internal static class LiveTextRule
{
    /// <summary>The console host's name (pwsh and powershell.exe); other hosts draw their own window, whatever stdout is.</summary>
    private const string ConsoleHostName = "ConsoleHost";

    public static bool ShouldRender(LiveTextMode mode, InvocationInfo invocation, PSHost? host) => mode switch
    {
        LiveTextMode.Always => true,
        LiveTextMode.Never => false,
        _ => IsLastCommand(invocation) && HasWindow(host) && !(IsConsoleHost(host) && IsOutputRedirected()),
    };

    /// <summary>PipelinePosition is 1-based; a command alone (or assigned, <c>$x = …</c>) has position = length = 1.</summary>
    internal static bool IsLastCommand(InvocationInfo invocation) =>
        invocation.PipelineLength > 0 && invocation.PipelinePosition == invocation.PipelineLength;

    /// <summary>
    /// A host without a UI still hands cmdlets a RawUI (the engine's wrapper), whose members throw when nothing is
    /// behind it: so a window is one whose buffer size can be read.
    /// </summary>
    internal static bool HasWindow(PSHost? host)
    {
        try
        {
            var raw = host?.UI?.RawUI;
            return raw != null && raw.BufferSize.Width > 0;
        }
        catch (Exception ex) when (ex is NotImplementedException or NotSupportedException or HostException or IOException or PSInvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsConsoleHost(PSHost? host) => string.Equals(host?.Name, ConsoleHostName, StringComparison.Ordinal);

    private static bool IsOutputRedirected()
    {
        try
        {
            return Console.IsOutputRedirected;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
