namespace KimiPS.Core;

// Messages of Files (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText PPurpose = new(
        "is '{0}', which Kimi does not accept",
        "为“{0}”，Kimi 不接受该值");


    internal static readonly LocalizedText UploadPathFix = new(
        "Give the path of the file to upload.",
        "请提供要上传的文件路径。");

    internal static readonly LocalizedText PIsDirectory = new(
        "'{0}' is a directory",
        "“{0}”是一个目录");

    internal static readonly LocalizedText UploadDirectoryFix = new(
        "Give a file; to upload every file of a folder, pipe Get-ChildItem -File into Send-KimiFile.",
        "请提供文件；要上传文件夹中的所有文件，请将 Get-ChildItem -File 的输出通过管道传给 Send-KimiFile。");

    internal static readonly LocalizedText PNotExist = new(
        "'{0}' does not exist",
        "“{0}”不存在");

    internal static readonly LocalizedText CheckPathRelative = new(
        "Check the path; relative paths are resolved against the current location.",
        "请检查路径；相对路径以当前位置为基准解析。");

    internal static readonly LocalizedText FileEmptyLocal = new(
        "The file '{0}' is empty; Kimi rejects zero-byte files.",
        "文件“{0}”为空；Kimi 不接受大小为 0 的文件。");

    internal static readonly LocalizedText FileEmptyLocalFix = new(
        "Upload a file with content.",
        "请上传有内容的文件。");

    internal static readonly LocalizedText FileTooLargeLocal = new(
        "The file '{0}' is {1:0.0} MB; Kimi accepts at most 100 MB per file.",
        "文件“{0}”大小为 {1:0.0} MB；Kimi 单个文件最大 100 MB。");

    internal static readonly LocalizedText FileTooLargeLocalFix = new(
        "Split or compress the file so that each part is at most 100 MB.",
        "请分割或压缩文件，使每部分不超过 100 MB。");

    internal static readonly LocalizedText FileIdFix = new(
        "Give a file id as returned by Send-KimiFile or Get-KimiFile.",
        "请提供 Send-KimiFile 或 Get-KimiFile 返回的文件 ID。");

    internal static readonly LocalizedText UseOneOfList = new(
        "Use one of: {0}.",
        "请使用以下值之一：{0}。");

    internal static readonly LocalizedText UseSomeOfList = new(
        "Use some of: {0}.",
        "请从以下参数中选择：{0}。");
}
