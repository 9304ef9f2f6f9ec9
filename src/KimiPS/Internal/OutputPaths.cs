using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>Where a cmdlet that writes one file writes it: -Path / -LiteralPath resolved as Out-File and Export-Csv would.</summary>
internal static class OutputPaths
{
    /// <summary>
    /// The provider path to write. -Path with wildcards must match exactly one existing item (never a new file named
    /// <c>c*.json</c>); the path must be on the FileSystem provider and must not be a directory.
    /// </summary>
    /// <exception cref="KimiException">KimiPathNotFound or KimiInvalidParameter, naming <paramref name="parameterName"/>.</exception>
    public static string Resolve(PathIntrinsics paths, string path, string parameterName, bool literal)
    {
        string resolved;
        ProviderInfo provider;
        try
        {
            if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
            {
                var matches = ResolveExisting(paths, path, out provider);
                if (matches.Count == 0) throw ModuleErrors.PathNotFound(parameterName, path);
                if (matches.Count > 1)
                    throw Errors.InvalidParameter(parameterName, Msg.PMatchesMany.Format(path, matches.Count, string.Join(", ", matches.Take(3).Select(System.IO.Path.GetFileName))),
                        Msg.MatchesManyFix);
                resolved = matches[0];
            }
            else
            {
                resolved = paths.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
        }
        catch (Exception ex) when (ex is System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or PSInvalidOperationException or ArgumentException)
        {
            throw ModuleErrors.PathNotFound(parameterName, path);
        }

        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            throw Errors.InvalidParameter(parameterName, Msg.PNotFileSystem.Format(path, provider.Name),
                Msg.FileSystemPathFix);
        if (Directory.Exists(resolved))
            throw Errors.InvalidParameter(parameterName, Msg.PIsDirectory.Format(path), Msg.FilePathFix.Format(System.IO.Path.Combine(path, "chat.json")));
        return resolved;
    }

    private static List<string> ResolveExisting(PathIntrinsics paths, string path, out ProviderInfo provider)
    {
        try
        {
            return paths.GetResolvedProviderPathFromPSPath(path, out provider).ToList();
        }
        catch (ItemNotFoundException)
        {
            // Still learn the provider: a wildcard on another provider is refused for that reason, not as not found.
            paths.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            return new List<string>();
        }
    }
}
