namespace KimiPS.Core;

// Messages of the production features: saved connections, SecretManagement keys, the audit log,
// -AdditionalHeaders, -AdditionalBody and prices (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText PGivenWithApiKey = new(
        "is given with -ApiKey",
        "与 -ApiKey 同时指定");

    internal static readonly LocalizedText KeyOnceFix = new(
        "Pass the key once: -ApiKey or -Credential.",
        "API Key 只需提供一次：-ApiKey 或 -Credential 二选一。");

    internal static readonly LocalizedText PNoKeyAnywhere = new(
        "is not given, the saved connection '{0}' names no secret, and {1} is not set",
        "未指定，已保存的连接“{0}”没有指定机密，且未设置 {1}");

    internal static readonly LocalizedText NoKeyAnywhereFix = new(
        "Pass -ApiKey or -SecretName, save the connection with -SecretName, or set MOONSHOT_API_KEY.",
        "请指定 -ApiKey 或 -SecretName，或使用 -SecretName 保存该连接，或设置 MOONSHOT_API_KEY。");

    internal static readonly LocalizedText SecretReturnedNothing = new(
        "it returned nothing",
        "它没有返回任何内容");

    internal static readonly LocalizedText SecretReturnedMany = new(
        "it returned {0} objects",
        "它返回了 {0} 个对象");

    internal static readonly LocalizedText SecretReturnedType = new(
        "it returned a {0}, not a string, SecureString or PSCredential",
        "它返回的是 {0}，而不是字符串、SecureString 或 PSCredential");

    internal static readonly LocalizedText PWithoutLog = new(
        "is given without a log",
        "已指定，但没有指定日志");

    internal static readonly LocalizedText WithoutLogFix = new(
        "Add -LogPath <file>, or set the {0} environment variable to the log file.",
        "请添加 -LogPath <文件>，或将环境变量 {0} 设置为日志文件路径。");

    internal static readonly LocalizedText SavedConnectionVerbose = new(
        "Saved the connection '{0}' (no key) to {1}.",
        "已将连接“{0}”保存到 {1}（不含 API Key）。");

    internal static readonly LocalizedText ActionSetPrice = new(
        "Set the price used by Get-KimiUsage",
        "设置 Get-KimiUsage 使用的价格");

    internal static readonly LocalizedText SecretManagementMissing = new(
        "-SecretName '{0}' needs Get-Secret from the {1} module, which is not installed or cannot be loaded.",
        "-SecretName“{0}”需要 {1} 模块中的 Get-Secret，但该模块未安装或无法加载。");

    internal static readonly LocalizedText SecretManagementMissingFix = new(
        "Install it (Install-PSResource {0}, or Install-Module {0}) with a vault such as Microsoft.PowerShell.SecretStore, and store the key with Set-Secret; or pass -ApiKey, or set MOONSHOT_API_KEY.",
        "请安装该模块（Install-PSResource {0} 或 Install-Module {0}）以及一个保管库（例如 Microsoft.PowerShell.SecretStore），再用 Set-Secret 存入 API Key；或者指定 -ApiKey，或设置 MOONSHOT_API_KEY。");

    internal static readonly LocalizedText SecretUnavailable = new(
        "Get-Secret could not give the key '{0}': {1}",
        "Get-Secret 无法取得 API Key“{0}”：{1}");

    internal static readonly LocalizedText SecretUnavailableFromVault = new(
        "Get-Secret could not give the key '{0}' from vault '{1}': {2}",
        "Get-Secret 无法从保管库“{1}”取得 API Key“{0}”：{2}");

    internal static readonly LocalizedText SecretUnavailableFix = new(
        "Check the name with Get-SecretInfo, unlock the vault (Unlock-SecretStore), and store the key as a string or SecureString secret with Set-Secret.",
        "请用 Get-SecretInfo 核对名称，解锁保管库（Unlock-SecretStore），并用 Set-Secret 将 API Key 存为字符串或 SecureString 类型的机密。");

    internal static readonly LocalizedText SavedConnectionNotFound = new(
        "There is no saved connection named '{0}' in {1}.",
        "{1} 中没有名为“{0}”的已保存连接。");

    internal static readonly LocalizedText SavedConnectionNotFoundFix = new(
        "Save one first: Connect-Kimi ... -SaveAs <name>. Tab completion after -Name lists the saved names.",
        "请先保存一个连接：Connect-Kimi ... -SaveAs <名称>。在 -Name 后按 Tab 键可列出已保存的名称。");

    internal static readonly LocalizedText SavedConnectionsUnusable = new(
        "The saved connections file {0} cannot be used: {1}",
        "无法使用已保存连接的文件 {0}：{1}");

    internal static readonly LocalizedText SavedConnectionsUnusableFix = new(
        "Fix or delete the file (it is rewritten by Connect-Kimi -SaveAs), or point {0} at another folder.",
        "请修复或删除该文件（Connect-Kimi -SaveAs 会重新写入它），或将 {0} 指向其他文件夹。");

    internal static readonly LocalizedText SavedFileTooLarge = new(
        "it is larger than {0} KiB",
        "文件超过 {0} KiB");

    internal static readonly LocalizedText SavedFileNoConnections = new(
        "it has no \"connections\" object",
        "文件中没有 \"connections\" 对象");

    internal static readonly LocalizedText SavedFileNotJson = new(
        "it is not valid JSON: {0}",
        "文件不是有效的 JSON：{0}");

    internal static readonly LocalizedText PEmptyFieldName = new(
        "has an empty field name",
        "包含空的字段名");

    internal static readonly LocalizedText EmptyFieldNameFix = new(
        "Name every field, for example @{ prompt_cache_key = 'job-42' }.",
        "请为每个字段命名，例如 @{ prompt_cache_key = 'job-42' }。");

    internal static readonly LocalizedText PReservedField = new(
        "sets '{0}', which the request's own parameters decide",
        "设置了“{0}”，该字段由请求自身的参数决定");

    internal static readonly LocalizedText ReservedStreamFix = new(
        "Use -Stream to stream the answer.",
        "请使用 -Stream 以流式输出回答。");

    internal static readonly LocalizedText ReservedModelFix = new(
        "Use -Model to choose the model.",
        "请使用 -Model 选择模型。");

    internal static readonly LocalizedText ReservedMessagesFix = new(
        "Use -Prompt, -Message or -Conversation for the messages.",
        "消息请通过 -Prompt、-Message 或 -Conversation 提供。");

    internal static readonly LocalizedText PNestsTooDeep = new(
        "nests '{0}' more than {1} levels deep",
        "中“{0}”的嵌套超过 {1} 层");

    internal static readonly LocalizedText FlattenFix = new(
        "Flatten the value.",
        "请减少该值的嵌套层数。");

    internal static readonly LocalizedText PNoJsonForm = new(
        "gives '{0}' a value of type {1}, which has no JSON form",
        "为“{0}”提供了 {1} 类型的值，该类型无法表示为 JSON");

    internal static readonly LocalizedText JsonValuesFix = new(
        "Use strings, numbers, booleans, $null, hashtables and arrays.",
        "请使用字符串、数字、布尔值、$null、哈希表和数组。");

    internal static readonly LocalizedText PBadHeaderName = new(
        "has the header name '{0}', which is not a valid HTTP header name",
        "包含请求头名称“{0}”，它不是有效的 HTTP 请求头名称");

    internal static readonly LocalizedText HeaderNameFix = new(
        "Use names of letters, digits and dashes, such as X-Gateway-Tenant.",
        "请使用由字母、数字和连字符组成的名称，例如 X-Gateway-Tenant。");

    internal static readonly LocalizedText PReservedHeader = new(
        "sets the {0} header, which KimiPS sets itself",
        "设置了 {0} 请求头，该请求头由 KimiPS 自行设置");

    internal static readonly LocalizedText AuthorizationHeaderFix = new(
        "The key is sent from Connect-Kimi (-ApiKey, -SecretName or MOONSHOT_API_KEY) only; remove this header.",
        "API Key 只通过 Connect-Kimi（-ApiKey、-SecretName 或 MOONSHOT_API_KEY）发送；请删除此请求头。");

    internal static readonly LocalizedText BodyHeaderFix = new(
        "Remove this header; the request body's headers follow from the body.",
        "请删除此请求头；与请求体有关的请求头由请求体决定。");

    internal static readonly LocalizedText PHeaderLineBreak = new(
        "has a line break in the value of {0}",
        "中 {0} 的值包含换行符");

    internal static readonly LocalizedText HeaderOneLineFix = new(
        "Pass each header value on one line.",
        "每个请求头的值请写在一行内。");

    internal static readonly LocalizedText PLogIsFolder = new(
        "is '{0}', which is a folder",
        "是“{0}”，这是一个文件夹");

    internal static readonly LocalizedText LogFileFix = new(
        "Pass a file path, for example C:\\Logs\\kimi.jsonl.",
        "请指定文件路径，例如 C:\\Logs\\kimi.jsonl。");

    internal static readonly LocalizedText PLogFolderMissing = new(
        "is in the folder '{0}', which does not exist",
        "所在的文件夹“{0}”不存在");

    internal static readonly LocalizedText LogFolderFix = new(
        "Create the folder first, or choose a file in an existing folder.",
        "请先创建该文件夹，或选择已有文件夹中的文件。");

    internal static readonly LocalizedText PLogNotWritable = new(
        "is '{0}', which cannot be written: {1}",
        "是“{0}”，该文件无法写入：{1}");

    internal static readonly LocalizedText LogWritableFix = new(
        "Choose a file you may write, or fix its permissions.",
        "请选择有写入权限的文件，或修改其权限。");

    internal static readonly LocalizedText RequestRecordLost = new(
        "The request record of {0} {1} could not be kept: {2}",
        "无法保存 {0} {1} 的请求记录：{2}");

    internal static readonly LocalizedText AuditLogBusy = new(
        "the audit log {0} stayed locked by another writer for {1} s; this request's line was not written",
        "审计日志 {0} 被其他写入方锁定了 {1} 秒，本次请求的记录未写入");
}
