using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// The one resolver of path parameters (-Path/-LiteralPath of the file and conversation cmdlets, -Image/-LiteralImage
/// of Invoke-KimiChat): PowerShell paths (relative to the current location, drives, ~) to file-system paths, with
/// wildcards unless the parameter is the literal form. A path that does not resolve, or is not on the file system,
/// is a KimiPathNotFound naming the parameter; what happens to it (an error for that item, or a terminating one) is
/// the caller's choice.
/// </summary>
internal sealed class ProviderPaths
{
    private readonly PSCmdlet _cmdlet;

    public ProviderPaths(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>Each path's file-system paths, in order; <paramref name="notFound"/> gets the error of each path that has none.</summary>
    public IEnumerable<string> Resolve(IEnumerable<string> paths, bool literal, string parameterName, Action<KimiException, string> notFound)
    {
        foreach (var path in paths)
        {
            IReadOnlyList<string>? resolved = TryResolve(path, literal);
            if (resolved is null || resolved.Count == 0)
            {
                notFound(ModuleErrors.PathNotFound(parameterName, path), path);
                continue;
            }
            foreach (var p in resolved) yield return p;
        }
    }

    private IReadOnlyList<string>? TryResolve(string path, bool literal)
    {
        try
        {
            ProviderInfo provider;
            IReadOnlyList<string> resolved = literal
                ? new[] { _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) }
                : _cmdlet.GetResolvedProviderPathFromPSPath(path, out provider);
            return string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase) ? resolved : null;
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
