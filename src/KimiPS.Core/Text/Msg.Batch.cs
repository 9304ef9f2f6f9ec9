namespace KimiPS.Core;

// Messages of Batch (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText PIsValue = new(
        "is '{0}'",
        "为“{0}”");

    internal static readonly LocalizedText BatchWindowFix = new(
        "Use a window from 12h to 7d, such as 24h or 3d.",
        "请使用 12h 到 7d 之间的时间窗口，例如 24h 或 3d。");

    internal static readonly LocalizedText PPairs = new(
        "has {0} pairs",
        "有 {0} 个键值对");

    internal static readonly LocalizedText PairsFix = new(
        "Use at most 16 pairs.",
        "最多使用 16 个键值对。");

    internal static readonly LocalizedText PKeyTooLong = new(
        "has the key '{0}' longer than 64 characters",
        "中的键“{0}”超过 64 个字符");

    internal static readonly LocalizedText ShortenKey = new(
        "Shorten the key.",
        "请缩短该键。");

    internal static readonly LocalizedText PValueTooLong = new(
        "has a value over 512 characters for '{0}'",
        "中“{0}”的值超过 512 个字符");

    internal static readonly LocalizedText ShortenValue = new(
        "Shorten the value.",
        "请缩短该值。");

    internal static readonly LocalizedText PNoRequest = new(
        "received no request",
        "没有收到任何请求");

    internal static readonly LocalizedText NoRequestFix = new(
        "Pipe KimiBatchRequest objects (Invoke-KimiChat -AsBatch), or prompts or documents with -Prompt.",
        "请通过管道传入 KimiBatchRequest 对象（Invoke-KimiChat -AsBatch），或使用 -Prompt 传入 prompt 或文档。");

    internal static readonly LocalizedText PMixedModels = new(
        "mixes the models '{0}' and '{1}' (request '{2}')",
        "混用了模型“{0}”和“{1}”（请求“{2}”）");

    internal static readonly LocalizedText MixedModelsFix = new(
        "A batch runs one model: start one batch per model (Group-Object Model).",
        "一个 batch 只能使用一个模型：请为每个模型分别启动 batch（Group-Object Model）。");

    internal static readonly LocalizedText PCustomIdTwice = new(
        "has the custom id '{0}' twice",
        "中的 custom id“{0}”重复出现");

    internal static readonly LocalizedText CustomIdTwiceFix = new(
        "Give each request its own -CustomId, or omit -CustomId for generated ids.",
        "请为每个请求指定不同的 -CustomId，或不设置 -CustomId 以自动生成 ID。");

    internal static readonly LocalizedText BatchInputTooLarge = new(
        "The batch's input file would pass Kimi's 100 MB limit at request '{0}' of {1}.",
        "batch 的输入文件在第“{0}”个请求（共 {1} 个）处会超过 Kimi 的 100 MB 限制。");

    internal static readonly LocalizedText BatchInputTooLargeFix = new(
        "Split the requests into several batches (for example 'Select-Object -First' / '-Skip'), each under 100 MB.",
        "请将请求拆分为多个 batch（例如用 'Select-Object -First' / '-Skip'），每个不超过 100 MB。");

    internal static readonly LocalizedText PBodyNotJson = new(
        "holds request '{0}' whose Body is not JSON ({1})",
        "中请求“{0}”的 Body 不是 JSON（{1}）");

    internal static readonly LocalizedText MakeWithAsBatchFix = new(
        "Make the requests with Invoke-KimiChat -AsBatch.",
        "请用 Invoke-KimiChat -AsBatch 创建请求。");

    internal static readonly LocalizedText PBodyNotObject = new(
        "holds request '{0}' whose Body is not a JSON object",
        "中请求“{0}”的 Body 不是 JSON 对象");

    internal static readonly LocalizedText ManifestMissing = new(
        "the file does not exist",
        "文件不存在");

    internal static readonly LocalizedText ManifestTooLarge = new(
        "it is larger than {0} MiB",
        "它超过了 {0} MiB");

    internal static readonly LocalizedText ManifestNotJson = new(
        "it is not JSON ({0})",
        "它不是 JSON（{0}）");

    internal static readonly LocalizedText ManifestNoFormat = new(
        "it has no \"format\": \"{0}\"",
        "它没有 \"format\": \"{0}\"");

    internal static readonly LocalizedText ManifestNoBatch = new(
        "it names no batch",
        "它没有指明任何 batch");

    internal static readonly LocalizedText ManifestNoCustomId = new(
        "request {0} has no customId",
        "第 {0} 个请求没有 customId");

    internal static readonly LocalizedText BatchFileNotDeleted = new(
        "Could not delete file {0} of batch {1}: {2} Delete it later with Remove-KimiFile -Id {3}.",
        "无法删除 batch {1} 的文件 {0}：{2} 请稍后用 Remove-KimiFile -Id {3} 删除。");

    internal static readonly LocalizedText ResultLineShape = new(
        "the batch's result line for request '{0}' has neither a response with a status_code nor an error",
        "batch 结果文件中请求“{0}”的行既没有带 status_code 的 response，也没有 error");

    internal static readonly LocalizedText ErrorLineOfResult = new(
        "error line of the batch's result file",
        "batch 结果文件中的错误行");

    internal static readonly LocalizedText ResultLineNotJson = new(
        "the batch's result line for request '{0}' is not valid JSON ({1})",
        "batch 结果文件中请求“{0}”的行不是有效的 JSON（{1}）");

    internal static readonly LocalizedText PNotForBatch = new(
        "cannot be used for a batch request",
        "不能用于 batch 请求");

    internal static readonly LocalizedText AutoContinueBatchFix = new(
        "A batch line gets one answer and no follow-up: omit -AutoContinue and raise -MaxTokens instead.",
        "batch 中的每一行只得到一个回答，无法续写：请去掉 -AutoContinue，改为调大 -MaxTokens。");

    internal static readonly LocalizedText PrefixBatchFix = new(
        "Partial Mode needs the answer to be joined to its prefix as it arrives: send such requests with Invoke-KimiChat.",
        "Partial Mode 需要在回答到达时与前缀拼接：这类请求请用 Invoke-KimiChat 发送。");

    internal static readonly LocalizedText ToolChoiceBatchWarning = new(
        "tool_choice other than auto or none goes to Kimi as auto, and a batch request cannot be asked again: the answer may call no tool.",
        "auto 或 none 以外的 tool_choice 会以 auto 发给 Kimi，而 batch 请求无法再次追问：回答可能不会调用任何工具。");

    internal static readonly LocalizedText CustomIdEmptyFix = new(
        "Give each request a non-empty id, or omit -CustomId for a generated one.",
        "请为每个请求提供非空的 ID，或不设置 -CustomId 以自动生成。");

    internal static readonly LocalizedText PLength = new(
        "is {0} characters long",
        "长度为 {0} 个字符");

    internal static readonly LocalizedText MaxCharsFix = new(
        "Use at most {0} characters.",
        "最多使用 {0} 个字符。");

    internal static readonly LocalizedText ResultLineTooLong = new(
        "a line of the batch's result file is longer than {0} MiB",
        "batch 结果文件中有一行超过了 {0} MiB");

    internal static readonly LocalizedText ResultFileChanged = new(
        "the batch's result file changed while it was read",
        "读取过程中 batch 的结果文件发生了变化");
}
