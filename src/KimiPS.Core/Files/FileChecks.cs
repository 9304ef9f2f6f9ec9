namespace KimiPS.Core;

/// <summary>What can be known about an upload before any byte is sent (DESIGN.md §7; limits from reference §2.2).</summary>
internal static class FileChecks
{
    public const long MaxBytes = 100L * 1024 * 1024;
    public static readonly string[] Purposes = { "file-extract", "image", "video", "batch" };

    /// <summary>The file at <paramref name="path"/>, or the error for it; <paramref name="purpose"/> must be one Kimi accepts.</summary>
    /// <param name="path">The file to upload.</param>
    /// <param name="purpose">file-extract, image, video or batch.</param>
    /// <param name="parameterName">The parameter the path came from, for the message (Path or LiteralPath).</param>
    public static FileInfo Check(string? path, string? purpose, string parameterName = "Path")
    {
        if (purpose is null || Array.IndexOf(Purposes, purpose) < 0)
            throw Errors.InvalidParameter("Purpose", Msg.PPurpose.Format(purpose), Msg.UseOneOfList.Format(string.Join(", ", Purposes)));
        if (string.IsNullOrWhiteSpace(path))
            throw Errors.InvalidParameter(parameterName, Msg.PIsEmpty, Msg.UploadPathFix);
        if (Directory.Exists(path))
            throw Errors.InvalidParameter(parameterName, Msg.PIsDirectory.Format(path), Msg.UploadDirectoryFix);
        var file = new FileInfo(path!);
        if (!file.Exists)
            throw Errors.InvalidParameter(parameterName, Msg.PNotExist.Format(path), Msg.CheckPathRelative);
        if (file.Length == 0)
            throw new KimiException(KimiErrorIds.FileEmpty, KimiErrorCategories.InvalidData,
                Msg.FileEmptyLocal.Format(file.Name), Msg.FileEmptyLocalFix);
        if (file.Length > MaxBytes)
            throw new KimiException(KimiErrorIds.FileTooLarge, KimiErrorCategories.LimitsExceeded,
                Msg.FileTooLargeLocal.Format(file.Name, file.Length / (1024.0 * 1024)),
                Msg.FileTooLargeLocalFix);
        return file;
    }

    /// <summary>
    /// Whether a string that is not a local file is shaped like a Kimi file id: <c>file_…</c> (since 2026) or the
    /// older 20-character lowercase ids. Lets a piped id reach Get-KimiFileContent's -Id.
    /// </summary>
    public static bool LooksLikeId(string? text) =>
        text is not null && (System.Text.RegularExpressions.Regex.IsMatch(text, "^file_[A-Za-z0-9]{6,64}$")
            || System.Text.RegularExpressions.Regex.IsMatch(text, "^[a-z0-9]{20}$"));

    public static string CheckId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw Errors.InvalidParameter("Id", Msg.PIsEmpty, Msg.FileIdFix);
        return id!.Trim();
    }
}
