using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// Shared by the file and conversation cmdlets: -Path / -LiteralPath resolution, uploads with a progress bar, and
/// per-item work whose every failure (even one the module did not foresee) is that item's error.
/// </summary>
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
            catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException)
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
    /// What an error about a resolved path carries as TargetObject: the file (or folder) itself, whose FullName
    /// binds back to -LiteralPath, so <c>$failed.TargetObject | Send-KimiFile</c> re-runs it even when the
    /// name holds wildcard characters.
    /// </summary>
    internal static object Target(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);

    /// <summary>
    /// Runs one item's work (see <see cref="KimiCmdlet.Try"/>); an exception nothing in the module describes
    /// becomes this item's KimiUnexpectedError instead of ending the pipeline.
    /// </summary>
    internal bool TryItem(object? target, Action work) => Try(target, () => Guard(work));

    /// <summary>Any thread: rethrows what the module cannot describe as KimiUnexpectedError, keeping it as the inner exception.</summary>
    internal static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw ModuleErrors.Unexpected(ex);
        }
    }

    internal static void Guard(Action work) => Guard(() => { work(); return true; });

    /// <summary>
    /// PowerShell's own exceptions (a stopped pipeline, -ErrorAction Stop, a terminating error) and cancellation
    /// must pass through unchanged; so must the ones the module maps to an error id.
    /// </summary>
    private static bool IsUnexpected(Exception ex) =>
        ex is not (RuntimeException or OperationCanceledException or OutOfMemoryException)
        && ErrorMapping.Describe(ex) is null;

    /// <summary>
    /// Uploads one file; safe on any thread. Checked first (missing, directory, empty, over 100 MB) with the
    /// parameter's own name in the message. Progress goes to the pipeline thread through <paramref name="post"/>
    /// (the dispatcher or a work queue), one bar per <paramref name="activityId"/>.
    /// </summary>
    internal static KimiFile Upload(KimiClient client, string path, string purpose, string parameterName, int activityId, Action<Action> post, Action<ProgressRecord> writeProgress, CancellationToken ct) => Guard(() =>
    {
        var length = FileChecks.Check(path, purpose, parameterName).Length;
        var activity = Msg.UploadingActivity.Format(Path.GetFileName(path));
        var progress = new UploadProgress(length, (percent, sent) => post(() => writeProgress(
            new ProgressRecord(activityId, activity, Msg.UploadBytes.Format(sent, length)) { PercentComplete = percent })));
        try
        {
            return client.UploadFile(path, purpose, progress, ct);
        }
        finally
        {
            post(() => writeProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed }));
        }
    });
}
