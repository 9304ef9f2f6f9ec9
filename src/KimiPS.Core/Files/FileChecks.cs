namespace KimiPS.Core;

/// <summary>What can be known about an upload before any byte is sent (DESIGN.md §7; limits from reference §2.2).</summary>
internal static class FileChecks
{
    public const long MaxBytes = 100L * 1024 * 1024;
    public static readonly string[] Purposes = { "file-extract", "image", "video", "batch" };

    public static FileInfo Check(string? path, string? purpose)
    {
        if (purpose is null || Array.IndexOf(Purposes, purpose) < 0)
            throw Errors.InvalidParameter("Purpose", $"is '{purpose}', which Kimi does not accept", "Use one of: " + string.Join(", ", Purposes) + ".");
        if (string.IsNullOrWhiteSpace(path))
            throw Errors.InvalidParameter("Path", "is empty", "Give the path of the file to upload.");
        if (Directory.Exists(path))
            throw Errors.InvalidParameter("Path", $"'{path}' is a directory", "Give a file; to upload every file of a folder, pipe Get-ChildItem -File into Send-KimiFile.");
        var file = new FileInfo(path!);
        if (!file.Exists)
            throw Errors.InvalidParameter("Path", $"'{path}' does not exist", "Check the path; relative paths are resolved against the current location.");
        if (file.Length == 0)
            throw new KimiException(KimiErrorIds.FileEmpty, KimiErrorCategories.InvalidData,
                $"The file '{file.Name}' is empty; Kimi rejects zero-byte files.", "Upload a file with content.");
        if (file.Length > MaxBytes)
            throw new KimiException(KimiErrorIds.FileTooLarge, KimiErrorCategories.LimitsExceeded,
                $"The file '{file.Name}' is {file.Length / (1024.0 * 1024):0.0} MB; Kimi accepts at most 100 MB per file.",
                "Split or compress the file so that each part is at most 100 MB.");
        return file;
    }

    public static string CheckId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw Errors.InvalidParameter("Id", "is empty", "Give a file id as returned by Send-KimiFile or Get-KimiFile.");
        return id!.Trim();
    }
}
