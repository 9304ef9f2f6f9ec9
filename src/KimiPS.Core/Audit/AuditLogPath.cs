namespace KimiPS.Core;

/// <summary>Connect-Kimi -LogPath is checked (and the file created) when connecting, so a bad path fails then, not at the first request.</summary>
internal static class AuditLogPath
{
    public static string Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw Errors.InvalidParameter("LogPath", Msg.PLogIsFolder.Format(full), Msg.LogFileFix);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            throw Errors.InvalidParameter("LogPath", Msg.PLogFolderMissing.Format(folder), Msg.LogFolderFix);
        try
        {
            using (new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.InvalidParameter("LogPath", Msg.PLogNotWritable.Format(full, ex.Message), Msg.LogWritableFix);
        }
        return full;
    }
}
