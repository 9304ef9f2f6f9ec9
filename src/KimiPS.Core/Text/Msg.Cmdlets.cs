namespace KimiPS.Core;

// Messages of Cmdlets (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText CleanupWarning = new(
        "The uploaded copy {0} ({1}) could not be deleted: {2} Remove it with Remove-KimiFile -Id {3}.",
        "无法删除已上传的副本 {0}（{1}）：{2} 请用 Remove-KimiFile -Id {3} 删除。");

    internal static readonly LocalizedText ActionDeleteFile = new(
        "Delete Kimi file",
        "删除 Kimi 文件");

    internal static readonly LocalizedText SystemPromptEmptyFix = new(
        "Pass the instructions to count, or omit -SystemPrompt.",
        "请提供要计数的指令，或去掉 -SystemPrompt。");

    internal static readonly LocalizedText TextEmptyFix = new(
        "Pass the text to count.",
        "请提供要计数的文本。");

    internal static readonly LocalizedText PNoMessagesToCount = new(
        "has no messages to count",
        "中没有可计数的消息");

    internal static readonly LocalizedText MessagesToCountFix = new(
        "Pass at least one ChatMessage.",
        "请至少提供一条 ChatMessage。");

    internal static readonly LocalizedText ConversationToCountFix = new(
        "Add a turn with Invoke-KimiChat -Conversation first.",
        "请先用 Invoke-KimiChat -Conversation 添加一轮对话。");

    internal static readonly LocalizedText ActionUpload = new(
        "Upload to Kimi ({0})",
        "上传到 Kimi（{0}）");

    internal static readonly LocalizedText Disconnected = new(
        "The Kimi connection of this session was removed.",
        "已删除此会话的 Kimi 连接。");

    internal static readonly LocalizedText NoConnection = new(
        "This session had no Kimi connection.",
        "此会话没有 Kimi 连接。");

    internal static readonly LocalizedText InvokeToolsNoBoundTool = new(
        "-InvokeTools runs only tools made by New-KimiTool -Command; none of the -Tool tools was. Tool calls will be returned in ToolCalls.",
        "-InvokeTools 只运行由 New-KimiTool -Command 创建的工具，而 -Tool 中没有这样的工具。工具调用将在 ToolCalls 中返回。");

    internal static readonly LocalizedText ActionSendChat = new(
        "Send a chat request",
        "发送聊天请求");

    internal static readonly LocalizedText StreamNoFinal = new(
        "The stream ended without its final answer.",
        "流式输出结束时没有给出最终回答。");

    internal static readonly LocalizedText AskAgainWithoutStream = new(
        "Ask again without -Stream.",
        "请不带 -Stream 重新提问。");

    internal static readonly LocalizedText ToolRoundsLimit = new(
        "The model still asked for tools after {0} requests (-MaxToolRounds {1}); its last answer, with its ToolCalls, is returned.",
        "经过 {0} 次请求（-MaxToolRounds {1}）后模型仍在请求调用工具；返回其最后一次回答及其 ToolCalls。");

    internal static readonly LocalizedText ToolsUnhandled = new(
        "The model called {0}, which -InvokeTools cannot run (only tools made by New-KimiTool -Command run); the calls are in the answer's ToolCalls.",
        "模型调用了 {0}，-InvokeTools 无法运行它们（只运行由 New-KimiTool -Command 创建的工具）；这些调用保存在回答的 ToolCalls 中。");

    internal static readonly LocalizedText ToolArgsRefused = new(
        "The model called {0} with {1}, which the tool does not offer; the call was refused and nothing ran.",
        "模型调用 {0} 时使用了 {1}，该工具没有提供这些参数；调用已被拒绝，没有运行任何命令。");

    internal static readonly LocalizedText RunningTool = new(
        "Running tool {0} ({1}).",
        "正在运行工具 {0}（{1}）。");

    internal static readonly LocalizedText ActionRunToolCommand = new(
        "Run the command the model asked for",
        "运行模型请求的命令");

    internal static readonly LocalizedText ConfirmToolQuery = new(
        "The model asks to run {0}. Run it?",
        "模型请求运行 {0}。是否运行？");

    internal static readonly LocalizedText ConfirmToolCaption = new(
        "Run a tool for the model",
        "为模型运行工具");

    internal static readonly LocalizedText ImportDirectoryFix = new(
        "Give a conversation file; to read every file of a folder, pipe Get-ChildItem -File -Filter *.json into Import-KimiConversation.",
        "请提供对话文件；要读取文件夹中的所有文件，请将 Get-ChildItem -File -Filter *.json 的输出通过管道传给 Import-KimiConversation。");

    internal static readonly LocalizedText PBadWildcard = new(
        "'{0}' is not a valid wildcard pattern",
        "中的“{0}”不是有效的通配符模式");

    internal static readonly LocalizedText BadWildcardFix = new(
        "Escape [ and ] with a backtick (`[), or use a pattern such as *.pdf.",
        "请用反引号转义 [ 和 ]（`[），或使用 *.pdf 这样的模式。");

    internal static readonly LocalizedText LooksLikeFileId = new(
        "'{0}' looks like a file id: use Get-KimiFile -Id {1} (or pipe the id).",
        "“{0}”看起来是文件 ID：请使用 Get-KimiFile -Id {1}（或通过管道传入该 ID）。");

    internal static readonly LocalizedText ListFilesHint = new(
        "Run Get-KimiFile to list the uploaded files; to get a file by id, use -Id.",
        "运行 Get-KimiFile 可列出已上传的文件；按 ID 获取文件请使用 -Id。");

    internal static readonly LocalizedText NoFileNamed = new(
        "No uploaded file is named '{0}' (parameter 'Name').",
        "没有名为“{0}”的已上传文件（参数“Name”）。");

    internal static readonly LocalizedText ModelNameFix = new(
        "Pass a model id or a wildcard pattern such as kimi-k2*, or omit -Name to list every model.",
        "请提供模型 ID 或 kimi-k2* 这样的通配符模式，或去掉 -Name 以列出所有模型。");

    internal static readonly LocalizedText ConnectedVerbose = new(
        "Connected to {0} ({1}) with key {2}.",
        "已使用 API Key {2} 连接到 {0}（{1}）。");

    internal static readonly LocalizedText ApiKeyEmptyFix = new(
        "Pass the key from the Kimi console (platform.moonshot.cn or platform.moonshot.ai).",
        "请提供 Kimi 控制台（platform.moonshot.cn 或 platform.moonshot.ai）中的 API Key。");

    internal static readonly LocalizedText MeaningRetries = new(
        "retries after the first attempt (default 2)",
        "首次尝试之后的重试次数（默认 2）");

    internal static readonly LocalizedText MeaningTimeout = new(
        "seconds per request (default 600)",
        "每个请求的秒数（默认 600）");

    internal static readonly LocalizedText MeaningConcurrency = new(
        "requests in flight at once",
        "同时进行的请求数");

    internal static readonly LocalizedText MeaningRpm = new(
        "requests per minute",
        "每分钟请求数");

    internal static readonly LocalizedText MeaningTpm = new(
        "tokens per minute",
        "每分钟 tokens 数");

    internal static readonly LocalizedText ValidatedVerbose = new(
        "Validated in {0:N0} ms.",
        "验证完成，耗时 {0:N0} ms。");

    internal static readonly LocalizedText PCommandNameNotToolName = new(
        "was not given, and the command's name '{0}' is not a valid tool name",
        "未提供，而命令名“{0}”不是有效的工具名称");

    internal static readonly LocalizedText CommandNameFix = new(
        "Pass -Name with 3 to 64 letters, digits, '_' or '-', starting with a letter or '_' (for example -Name my_func).",
        "请用 -Name 提供 3 到 64 个字母、数字、“_”或“-”，并以字母或“_”开头（例如 -Name my_func）。");

    internal static readonly LocalizedText PNotACommand = new(
        "names '{0}', which is not a command in this session",
        "指定的“{0}”不是此会话中的命令");

    internal static readonly LocalizedText NotACommandFix = new(
        "Import the module that has the command, or pass Get-Command output.",
        "请导入包含该命令的模块，或传入 Get-Command 的输出。");

    internal static readonly LocalizedText PNoSuchSet = new(
        "is '{0}', which {1} does not have",
        "为“{0}”，{1} 没有该参数集");

    internal static readonly LocalizedText InItsSet = new(
        " in its parameter set '{0}'",
        "（参数集“{0}”中）");

    internal static readonly LocalizedText PNotOffered = new(
        "names {0}, which {1} does not offer{2} (common parameters are never offered)",
        "指定的 {0} 不是 {1}{2}提供的参数（通用参数永远不会提供给模型）");

    internal static readonly LocalizedText NothingToOffer = new(
        "{0} has no parameters to offer{1}.",
        "{0}{1}没有可提供的参数。");


    internal static readonly LocalizedText ActionSaveConversation = new(
        "Save a conversation of {0} messages",
        "保存包含 {0} 条消息的对话");

    internal static readonly LocalizedText PMatchesMany = new(
        "'{0}' matches {1} files ({2}), and a conversation is written to one file",
        "“{0}”匹配到 {1} 个文件（{2}），而一个对话只写入一个文件");

    internal static readonly LocalizedText MatchesManyFix = new(
        "Give a path that matches one file, or use -LiteralPath for a name with wildcard characters.",
        "请提供只匹配一个文件的路径；文件名含有通配符时请使用 -LiteralPath。");

    internal static readonly LocalizedText PNotFileSystem = new(
        "'{0}' is on the {1} provider, but only a FileSystem path can hold a file",
        "“{0}”位于 {1} 提供程序上，而只有 FileSystem 路径才能保存文件");

    internal static readonly LocalizedText FileSystemPathFix = new(
        "Give a file-system path, such as .\\chat.json or $HOME/chat.json.",
        "请提供文件系统路径，例如 .\\chat.json 或 $HOME/chat.json。");

    internal static readonly LocalizedText UploadBytes = new(
        "{0:N0} of {1:N0} bytes",
        "{0:N0} / {1:N0} 字节");

    internal static readonly LocalizedText UploadingActivity = new(
        "Uploading {0} to Kimi",
        "正在将 {0} 上传到 Kimi");

    internal static readonly LocalizedText FilePathFix = new(
        "Give a file path, such as {0}.",
        "请提供文件路径，例如 {0}。");

    internal static readonly LocalizedText PSecretDirect = new(
        "cannot take a {0}",
        "不能接受 {0}");

    internal static readonly LocalizedText PSecretProperty = new(
        "got an object whose property '{0}' holds a {1}",
        "收到的对象的属性“{0}”中含有 {1}");

    internal static readonly LocalizedText SecretDirectFix = new(
        "Secrets are never sent to the model: pipe what the model needs instead (for a credential, its UserName).",
        "机密永远不会发送给模型：请改为传入模型需要的内容（对于凭据，传入其 UserName）。");

    internal static readonly LocalizedText SecretPropertyFix = new(
        "Secrets are never sent to the model: leave '{0}' out with Select-Object (... | Select-Object -ExcludeProperty {1} | Invoke-KimiChat ...).",
        "机密永远不会发送给模型：请用 Select-Object 去掉“{0}”（... | Select-Object -ExcludeProperty {1} | Invoke-KimiChat ...）。");

    internal static readonly LocalizedText SecretRefused = new(
        "Parameter 'InputObject' {0}; secrets are not sent to the model.",
        "参数“InputObject”{0}；机密不会发送给模型。");

    internal static readonly LocalizedText PObjectNoQuestion = new(
        "is empty: a {0} was piped, which is material, but there is no question about it",
        "为空：通过管道传入了 {0}，它是材料，但没有关于它的问题");

    internal static readonly LocalizedText ObjectNoQuestionFix = new(
        "Pass the question with -Prompt, for example: Get-Process -Id $PID | Invoke-KimiChat 'How much memory does this use?'. Only piped text is a prompt by itself.",
        "请用 -Prompt 提供问题，例如：Get-Process -Id $PID | Invoke-KimiChat '它占用了多少内存？'。只有通过管道传入的文本本身就是 prompt。");

    internal static readonly LocalizedText ManifestOfOtherBatch = new(
        "it is the manifest of batch {0}, not of {1}",
        "它是 batch {0} 的清单，而不是 {1} 的");

    internal static readonly LocalizedText BatchProgressStatus = new(
        "{0}: {1} completed, {2} failed of {3}",
        "{0}：共 {3} 个，已完成 {1} 个，失败 {2} 个");

    internal static readonly LocalizedText WaitingForBatch = new(
        "Waiting for Kimi batch {0}",
        "正在等待 Kimi batch {0}");

    internal static readonly LocalizedText ActionCancelBatch = new(
        "Cancel Kimi batch",
        "取消 Kimi batch");

    internal static readonly LocalizedText StartBatchTarget = new(
        "{0} requests to {1}, within {2}",
        "{0} 个发往 {1} 的请求，时间窗口 {2}");

    internal static readonly LocalizedText ActionStartBatch = new(
        "Start Kimi batch",
        "启动 Kimi batch");

    internal static readonly LocalizedText PFolderMissing = new(
        "'{0}' is a folder, or its folder does not exist",
        "“{0}”是一个文件夹，或其所在文件夹不存在");

    internal static readonly LocalizedText BatchPathFix = new(
        "Give a file path in an existing folder, such as .\\batch.json.",
        "请提供位于已存在文件夹中的文件路径，例如 .\\batch.json。");

    internal static readonly LocalizedText WhyStream = new(
        "a batch answer arrives whole, in the output file",
        "batch 的回答会完整地写在输出文件中");

    internal static readonly LocalizedText WhyInvokeTools = new(
        "no tool can run between the request and its answer",
        "请求与回答之间无法运行任何工具");

    internal static readonly LocalizedText WhyThrottleLimit = new(
        "the batch runs the requests on Kimi's side",
        "batch 的请求在 Kimi 服务端运行");

    internal static readonly LocalizedText WhyConversation = new(
        "the answers come later and are not appended to the conversation",
        "回答稍后才到，不会追加到对话中");

    internal static readonly LocalizedText PNotWithAsBatch = new(
        "cannot be used with -AsBatch: ",
        "不能与 -AsBatch 同时使用：");

    internal static readonly LocalizedText NotWithAsBatchFix = new(
        "Omit -{0}, or omit -AsBatch to send the requests now.",
        "请去掉 -{0}，或去掉 -AsBatch 以立即发送请求。");

    internal static readonly LocalizedText PNoCustomId = new(
        "the script block gave no id for '{0}'",
        "中的脚本块没有为“{0}”给出 ID");

    internal static readonly LocalizedText NoCustomIdFix = new(
        "Make the script block return a non-empty string for every input, such as { $_.FileName }.",
        "请让脚本块为每个输入返回非空字符串，例如 { $_.FileName }。");
}
