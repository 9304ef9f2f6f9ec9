using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>Shared by the cmdlets that take -Path / -LiteralPath and upload files (with a progress bar).</summary>
public abstract class KimiFileCmdlet : KimiCmdlet
{
    /// <summary>
    /// File-system paths for -Path (wildcards) or -LiteralPath. A path that does not resolve, or is not on the
    /// file system, is a KimiPathNotFound error for that path only; the other paths go on.
    /// </summary>
    internal IEnumerable<string> ResolvePaths(IEnumerable<string> paths, bool literal)
    {
        var parameterName = literal ? "LiteralPath" : "Path";
        foreach (var path in paths)
        {
            IEnumerable<string> resolved;
            ProviderInfo provider;
            try
            {
                if (literal)
                {
                    resolved = new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) };
                }
                else
                {
                    resolved = GetResolvedProviderPathFromPSPath(path, out provider);
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException)
            {
                Report(ModuleErrors.PathNotFound(parameterName, path), path);
                continue;
            }
            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                Report(ModuleErrors.PathNotFound(parameterName, path), path);
                continue;
            }
            foreach (var p in resolved) yield return p;
        }
    }

    /// <summary>
    /// Uploads one file; safe on any thread. Progress goes to the pipeline thread through <paramref name="post"/>
    /// (the dispatcher or a work queue), one bar per <paramref name="activityId"/>.
    /// </summary>
    internal static KimiFile Upload(KimiClient client, string path, string purpose, int activityId, Action<Action> post, Action<ProgressRecord> writeProgress, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var activity = "Uploading " + name + " to Kimi";
        long length;
        try { length = new FileInfo(path).Length; } catch (Exception) { length = 0; }
        var progress = new UploadProgress(length, (percent, sent) => post(() => writeProgress(
            new ProgressRecord(activityId, activity, $"{sent:N0} of {length:N0} bytes") { PercentComplete = percent })));
        try
        {
            return client.UploadFile(path, purpose, progress, ct);
        }
        finally
        {
            post(() => writeProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed }));
        }
    }
}
