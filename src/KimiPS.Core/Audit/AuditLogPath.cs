namespace KimiPS.Core;

/// <summary>Connect-Kimi -LogPath is checked (and the file created) when connecting, so a bad path fails then, not at the first request.</summary>
internal static class AuditLogPath
{
    public static string Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw Errors.InvalidParameter("LogPath", $"is '{full}', which is a folder", "Pass a file path, for example C:\\Logs\\kimi.jsonl.");
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            throw Errors.InvalidParameter("LogPath", $"is in the folder '{folder}', which does not exist", "Create the folder first, or choose a file in an existing folder.");
        try
        {
            using (new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.InvalidParameter("LogPath", $"is '{full}', which cannot be written: {ex.Message}", "Choose a file you may write, or fix its permissions.");
        }
        return full;
    }
}
