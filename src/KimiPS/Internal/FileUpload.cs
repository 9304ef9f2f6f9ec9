using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>One file upload with a progress bar, for Send-KimiFile and Get-KimiFileContent -Path.</summary>
internal static class FileUpload
{
    /// <summary>
    /// Uploads one file; safe on any thread. Checked first (missing, directory, empty, over 100 MB) with the
    /// parameter's own name in the message. Progress goes to the pipeline thread through <paramref name="post"/>
    /// (the cmdlet's dispatcher), one bar per <paramref name="activityId"/>.
    /// </summary>
    public static KimiFile Run(KimiClient client, string path, string purpose, string parameterName, int activityId, Action<Action> post, Action<ProgressRecord> writeProgress, CancellationToken ct) => KimiCmdlet.Guard(() =>
    {
        var length = FileChecks.Check(path, purpose, parameterName).Length;
        var activity = "Uploading " + Path.GetFileName(path) + " to Kimi";
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
    });
}
