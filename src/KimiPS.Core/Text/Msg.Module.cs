namespace KimiPS.Core;

// Messages of Module (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText PNotAbsoluteUri = new(
        "is '{0}', which is not an absolute URI",
        "为“{0}”，不是绝对 URI");

    internal static readonly LocalizedText FullUriFix = new(
        "Pass a full URI such as https://api.moonshot.ai/v1/.",
        "请提供完整的 URI，例如 https://api.moonshot.ai/v1/。");

    internal static readonly LocalizedText PRegion = new(
        "is '{0}', which is not a Kimi platform",
        "为“{0}”，不是 Kimi 的平台");

    internal static readonly LocalizedText RegionFix = new(
        "Use -Region China (api.moonshot.cn, the default) or -Region Global (api.moonshot.ai); for any other endpoint use -BaseUri.",
        "请使用 -Region China（api.moonshot.cn，默认）或 -Region Global（api.moonshot.ai）；其他地址请用 -BaseUri。");

    internal static readonly LocalizedText RangeOrMore = new(
        "{0} or more",
        "{0} 或以上的值");

    internal static readonly LocalizedText RangeFromTo = new(
        "from {0} to {1}",
        "{0} 到 {1} 之间的值");

    internal static readonly LocalizedText POutOfRange = new(
        "is {0}, which is out of range",
        "为 {0}，超出了取值范围");

    internal static readonly LocalizedText RangeFix = new(
        "Pass {0}: {1}.",
        "请提供 {0}：{1}。");

    internal static readonly LocalizedText ModelEmptyFix = new(
        "Pass a model id such as kimi-k2.6 (Get-KimiModel lists them), or omit it to use the default.",
        "请提供模型 ID，例如 kimi-k2.6（Get-KimiModel 会列出可用的模型），或不设置以使用默认模型。");

    internal static readonly LocalizedText PProxyCredentialAlone = new(
        "is given without -Proxy",
        "已提供，但没有提供 -Proxy");

    internal static readonly LocalizedText ProxyCredentialAloneFix = new(
        "Pass the proxy too (-Proxy http://host:port -ProxyCredential (Get-Credential)), or omit -ProxyCredential.",
        "请同时提供代理（-Proxy http://host:port -ProxyCredential (Get-Credential)），或去掉 -ProxyCredential。");

    internal static readonly LocalizedText PProxyScheme = new(
        "is '{0}', which is not an http:// or https:// URI",
        "为“{0}”，不是 http:// 或 https:// URI");

    internal static readonly LocalizedText ProxySchemeFix = new(
        "Pass the proxy as http://host:port.",
        "请以 http://host:port 的形式提供代理。");

    internal static readonly LocalizedText PUserInfo = new(
        "carries a user name or password",
        "中含有用户名或密码");

    internal static readonly LocalizedText ProxyUserInfoFix = new(
        "Remove them from the URI and pass them with -ProxyCredential (Get-Credential).",
        "请从 URI 中删除它们，改用 -ProxyCredential (Get-Credential) 提供。");

    internal static readonly LocalizedText PEnvNotAbsolute = new(
        "(an environment variable) is '{0}', which is not an absolute URI",
        "（环境变量）为“{0}”，不是绝对 URI");

    internal static readonly LocalizedText EnvBaseUrlFix = new(
        "Set MOONSHOT_BASE_URL to a full URI such as https://api.moonshot.ai/v1, or remove it to use the China platform.",
        "请将 MOONSHOT_BASE_URL 设为完整的 URI，例如 https://api.moonshot.ai/v1；或删除该变量以使用中国站。");

    internal static readonly LocalizedText AnEnvironmentVariable = new(
        " (an environment variable)",
        "（环境变量）");

    internal static readonly LocalizedText SkipValidationHint = new(
        "To store the connection without this check, use -SkipValidation.",
        "如需跳过此检查直接保存连接，请使用 -SkipValidation。");

    internal static readonly LocalizedText ConnectionTestFailed = new(
        "The connection to {0} failed ({1}).",
        "连接 {0} 失败（{1}）。");

    internal static readonly LocalizedText KeyBelongsTo = new(
        " The key belongs to the {0} platform, not {1}.",
        "该 API Key 属于 {0} 平台，而不是 {1}。");

    internal static readonly LocalizedText KeyRegionFix = new(
        "Run Connect-Kimi again with -Region {0} (keys from platform.moonshot.{1} work only there).",
        "请使用 -Region {0} 重新运行 Connect-Kimi（platform.moonshot.{1} 的 Key 只能在那里使用）。");

    internal static readonly LocalizedText KeyConsoleFix = new(
        "Check the key on the platform's console (China: platform.moonshot.cn, Global: platform.moonshot.ai) and its -Region; a key works only on the platform that issued it.",
        "请在平台控制台（China：platform.moonshot.cn，Global：platform.moonshot.ai）检查 API Key 及其 -Region；Key 只能在签发它的平台上使用。");

    internal static readonly LocalizedText ConnectCheckFix = new(
        "Check the network, proxy (-Proxy) and -BaseUri, or run Test-KimiConnection for details. Use -SkipValidation to connect without checking.",
        "请检查网络、代理（-Proxy）和 -BaseUri，或运行 Test-KimiConnection 查看详情。使用 -SkipValidation 可跳过检查直接连接。");

    internal static readonly LocalizedText PipeInputFix = new(
        "Pipe text (Get-Content -Raw, Out-String or ConvertTo-Json), a KimiFile from Send-KimiFile, a KimiFileContent from Get-KimiFileContent, or a ChatMessage.",
        "请通过管道传入文本（Get-Content -Raw、Out-String 或 ConvertTo-Json）、Send-KimiFile 返回的 KimiFile、Get-KimiFileContent 返回的 KimiFileContent，或 ChatMessage。");

    internal static readonly LocalizedText DocumentPipedBut = new(
        "a document was piped but ",
        "已通过管道传入文档，但");

    internal static readonly LocalizedText ImageGivenBut = new(
        "-Image was given but ",
        "已提供 -Image，但");

    internal static readonly LocalizedText PNoQuestion = new(
        "is empty: {0}there is no question to send",
        "为空：{0}没有要发送的问题");

    internal static readonly LocalizedText NoQuestionFix = new(
        "Pass the question with -Prompt (Invoke-KimiChat 'Summarize this'), pipe text to Invoke-KimiChat, or pass -Message.",
        "请用 -Prompt 提供问题（Invoke-KimiChat '总结一下'），或将文本通过管道传给 Invoke-KimiChat，或使用 -Message。");

    internal static readonly LocalizedText PImageNoPrompt = new(
        "is empty: -Image needs a text prompt to go with the images",
        "为空：-Image 需要配合文字 prompt 一起使用");

    internal static readonly LocalizedText ImageNoPromptFix = new(
        "Pass -Prompt with the question about the images.",
        "请用 -Prompt 提供关于图片的问题。");

    internal static readonly LocalizedText PHasValue = new(
        "has the value '{0}'",
        "的值为“{0}”");

    internal static readonly LocalizedText ThinkingValueFix = new(
        "Use -Thinking enabled or -Thinking disabled.",
        "请使用 -Thinking enabled 或 -Thinking disabled。");

    internal static readonly LocalizedText PThrottleClash = new(
        "is {0}, which cannot be combined with {1} (those need one request at a time, in order)",
        "为 {0}，不能与 {1} 同时使用（它们要求按顺序一次只发一个请求）");

    internal static readonly LocalizedText ThrottleClashFix = new(
        "Omit -ThrottleLimit (or use -ThrottleLimit 1) with {0}.",
        "使用 {0} 时请不要设置 -ThrottleLimit（或使用 -ThrottleLimit 1）。");

    internal static readonly LocalizedText PJsonSchemaClash = new(
        "cannot be combined with -JsonSchema",
        "不能与 -JsonSchema 同时使用");

    internal static readonly LocalizedText JsonSchemaClashFix = new(
        "Use -Json for any JSON object, or -JsonSchema for a given shape, not both.",
        "任意 JSON 对象请用 -Json，指定结构请用 -JsonSchema，二者只能选一个。");

    internal static readonly LocalizedText PPrefixJsonClash = new(
        "cannot be combined with -Json or -JsonSchema (Kimi's Partial Mode does not support JSON mode)",
        "不能与 -Json 或 -JsonSchema 同时使用（Kimi 的 Partial Mode 不支持 JSON Mode）");

    internal static readonly LocalizedText PrefixJsonClashFix = new(
        "Omit -Prefix, or omit the JSON option and describe the format in the prompt.",
        "请去掉 -Prefix；或者去掉 JSON 选项，在 prompt 中描述所需格式。");

    internal static readonly LocalizedText PImageFormat = new(
        "names '{0}', which is not a png, jpg, jpeg, webp or gif image",
        "指定的“{0}”不是 png、jpg、jpeg、webp 或 gif 图片");

    internal static readonly LocalizedText ImageFormatFix = new(
        "Convert the image to one of those formats, or upload a video with Send-KimiFile -Purpose video.",
        "请将图片转换为上述格式之一；视频请用 Send-KimiFile -Purpose video 上传。");

    internal static readonly LocalizedText PImageMissing = new(
        "names '{0}', which does not exist or is a directory",
        "指定的“{0}”不存在或是一个目录");

    internal static readonly LocalizedText ImageMissingFix = new(
        "Check the path of the image.",
        "请检查图片的路径。");

    internal static readonly LocalizedText PImageEmpty = new(
        "names '{0}', which is empty",
        "指定的“{0}”为空文件");

    internal static readonly LocalizedText ImageEmptyFix = new(
        "Pass an image file that has content.",
        "请提供有内容的图片文件。");

    internal static readonly LocalizedText UnsupportedInput = new(
        "Parameter '{0}' cannot use an input of type {1}.",
        "参数“{0}”不能使用类型为 {1} 的输入。");

    internal static readonly LocalizedText ToolConfirmationRequired = new(
        "The model asked to run {0}, and a tool run needs confirmation, but this host cannot prompt ({1}).",
        "模型请求运行 {0}，运行工具需要确认，但当前主机无法提示确认（{1}）。");

    internal static readonly LocalizedText ToolConfirmationFix = new(
        "Pass -Confirm:$false to let the model run the tools without asking (only when you trust the prompt and every document the model reads), or run the command in an interactive session.",
        "传入 -Confirm:$false 可让模型不经确认直接运行工具（仅当你信任 prompt 和模型读取的每一份文档时），或在交互式会话中运行该命令。");

    internal static readonly LocalizedText InvalidConversationFile = new(
        "'{0}' is not a KimiPS conversation: {1}.",
        "“{0}”不是 KimiPS 对话文件：{1}。");

    internal static readonly LocalizedText InvalidConversationFileFix = new(
        "Pass a file written by Export-KimiConversation, or a JSON array of chat messages.",
        "请提供由 Export-KimiConversation 写出的文件，或由聊天消息组成的 JSON 数组。");

    internal static readonly LocalizedText PathNotFound = new(
        "Parameter '{0}': cannot find a file at '{1}'.",
        "参数“{0}”：在“{1}”找不到文件。");

    internal static readonly LocalizedText PathNotFoundFix = new(
        "Check the path; use -LiteralPath when the name contains wildcard characters such as [ ].",
        "请检查路径；文件名含有 [ ] 等通配符时请使用 -LiteralPath。");

    internal static readonly LocalizedText UnexpectedError = new(
        "Unexpected {0}: {1}",
        "发生意外的 {0}：{1}");

    internal static readonly LocalizedText UnexpectedErrorFix = new(
        "This is a KimiPS defect; please report it with this error's Exception.InnerException. The other items were processed.",
        "这是 KimiPS 的缺陷，请附上此错误的 Exception.InnerException 进行反馈。其他项已正常处理。");

    internal static readonly LocalizedText PathAlreadyWritten = new(
        "Parameter '{0}': this command already wrote a conversation to '{1}'; a file holds one conversation, so this one was not saved.",
        "参数“{0}”：此命令已将一个对话写入“{1}”；一个文件只保存一个对话，因此这个对话没有保存。");

    internal static readonly LocalizedText PathAlreadyWrittenFix = new(
        "Export each conversation to its own file, for example: $list | ForEach-Object { $i++; $_ | Export-KimiConversation \"chat-$i.json\" }.",
        "请将每个对话导出到各自的文件，例如：$list | ForEach-Object { $i++; $_ | Export-KimiConversation \"chat-$i.json\" }。");

    internal static readonly LocalizedText FileExists = new(
        "'{0}' already exists and -NoClobber was given.",
        "“{0}”已存在，且指定了 -NoClobber。");

    internal static readonly LocalizedText FileExistsFix = new(
        "Choose another -Path, or omit -NoClobber to overwrite the file.",
        "请换一个 -Path，或去掉 -NoClobber 以覆盖该文件。");

    internal static readonly LocalizedText FilePermissionFix = new(
        "Check the file's permissions, or choose another path.",
        "请检查文件权限，或换一个路径。");

    internal static readonly LocalizedText CheckPath = new(
        "Check the path.",
        "请检查路径。");

    internal static readonly LocalizedText FileInUseFix = new(
        "Check that the file is not in use and the disk is writable.",
        "请确认文件未被占用，且磁盘可写。");

    internal static readonly LocalizedText AskAgainModelCorrects = new(
        "Ask again; the model usually corrects itself.",
        "请重新提问；模型通常会自行纠正。");

    internal static readonly LocalizedText PToolNameInvalid = new(
        "is '{0}', which is not a valid tool name",
        "为“{0}”，不是有效的工具名称");

    internal static readonly LocalizedText ToolNameRuleFix = new(
        "Use 3 to 64 letters, digits, '_' or '-', starting with a letter or '_' (for example Get-DiskUsage).",
        "请使用 3 到 64 个字母、数字、“_”或“-”，并以字母或“_”开头（例如 Get-DiskUsage）。");

    internal static readonly LocalizedText SchemaExampleFix = new(
        "Pass a JSON schema object, for example '{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}'.",
        "请提供 JSON schema 对象，例如 '{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}'。");

    internal static readonly LocalizedText PSchemaRootNotObjectType = new(
        "has a schema whose root is not of \"type\":\"object\" (a function's parameters are an object)",
        "中的 schema 根节点不是 \"type\":\"object\"（函数的参数是一个对象）");

    internal static readonly LocalizedText SchemaTheRoot = new(
        "the root",
        "根节点");

    internal static readonly LocalizedText PSchemaBadType = new(
        "has, at {0}, the type '{1}', which is not a JSON-schema type",
        "在{0}处的类型“{1}”不是 JSON schema 类型");

    internal static readonly LocalizedText SchemaTypesFix = new(
        "Use string, number, integer, boolean, array, object or null.",
        "请使用 string、number、integer、boolean、array、object 或 null。");

    internal static readonly LocalizedText PSchemaPropertiesNotObject = new(
        "has, at {0}, 'properties' that is not an object",
        "在{0}处的“properties”不是对象");

    internal static readonly LocalizedText PSchemaPropertyNotObject = new(
        "has a property '{0}' whose schema is not an object",
        "中属性“{0}”的 schema 不是对象");

    internal static readonly LocalizedText SchemaProperty = new(
        "property '{0}'",
        "属性“{0}”");

    internal static readonly LocalizedText SchemaItemsOf = new(
        "the items of {0}",
        "{0}的 items");

    internal static readonly LocalizedText PSchemaRequired = new(
        "has, at {0}, 'required' that is not a list of property names",
        "在{0}处的“required”不是属性名列表");

    internal static readonly LocalizedText SchemaRequiredFix = new(
        "Give required as [\"name\", ...].",
        "请以 [\"name\", ...] 的形式给出 required。");

    internal static readonly LocalizedText ToolArgumentsNotObject = new(
        "The model's tool arguments are not a JSON object.",
        "模型给出的工具参数不是 JSON 对象。");

    internal static readonly LocalizedText ToolArgumentsNotJson = new(
        "The model's tool arguments are not valid JSON: ",
        "模型给出的工具参数不是有效的 JSON：");

    internal static readonly LocalizedText ConvNotJson = new(
        "it is not valid JSON ({0})",
        "它不是有效的 JSON（{0}）");

    internal static readonly LocalizedText ConvVersionNotWhole = new(
        "its format version {0} is not a whole number",
        "其格式版本 {0} 不是整数");

    internal static readonly LocalizedText ConvNewerVersion = new(
        "it was written by a newer KimiPS (format version {0})",
        "它由更新版本的 KimiPS 写出（格式版本 {0}）");

    internal static readonly LocalizedText ConvRootShape = new(
        "the root is neither an object with a 'messages' array nor an array of messages",
        "根节点既不是含有“messages”数组的对象，也不是消息数组");

    internal static readonly LocalizedText ConvMessageKind = new(
        "message {0} is a {1}, not an object with a 'role' and a 'content'",
        "第 {0} 条消息是{1}，而不是含有“role”和“content”的对象");

    internal static readonly LocalizedText ConvNoRole = new(
        "message {0} has no 'role'",
        "第 {0} 条消息没有“role”");

    internal static readonly LocalizedText ConvUnknownRole = new(
        "message {0} has the unknown role '{1}' (expected system, user, assistant or tool)",
        "第 {0} 条消息的角色“{1}”无法识别（应为 system、user、assistant 或 tool）");

    internal static readonly LocalizedText ConvNoContent = new(
        "message {0} ({1}) has {2}; only an assistant message with tool_calls may have none",
        "第 {0} 条消息（{1}）{2}；只有带 tool_calls 的 assistant 消息可以没有 content");

    internal static readonly LocalizedText ConvContentKind = new(
        "message {0} ({1}) has a 'content' that is a {2} ({3}), not text or an array of parts",
        "第 {0} 条消息（{1}）的“content”是{2}（{3}），而不是文本或内容片段数组");

    internal static readonly LocalizedText ConvToolCallNoFunction = new(
        "tool call {0} of message {1} has no 'function'",
        "第 {1} 条消息的第 {0} 个工具调用没有“function”");

    internal static readonly LocalizedText ConvUnknownPart = new(
        "message {0} has a content part of unknown type '{1}'",
        "第 {0} 条消息含有类型“{1}”无法识别的内容片段");

    internal static readonly LocalizedText ConvTooLarge = new(
        "it is larger than the {0} MB a conversation file may have ({1} MB or more)",
        "它超过了对话文件允许的 {0} MB（至少 {1} MB）");

    internal static readonly LocalizedText ConvNullContentField = new(
        "a null 'content'",
        "的“content”为 null");

    internal static readonly LocalizedText ConvNoContentField = new(
        "no 'content'",
        "没有“content”");

    internal static readonly LocalizedText Utf16Invalid = new(
        "the UTF-16 text is not valid ({0})",
        "UTF-16 文本无效（{0}）");

    internal static readonly LocalizedText CutDropped = new(
        "left out to keep each object within {0} KB of JSON: {1}",
        "为使每个对象的 JSON 不超过 {0} KB 而略去：{1}");

    internal static readonly LocalizedText CutFlattened = new(
        "sent as text, being more than {0} levels of objects deep: {1}",
        "对象嵌套超过 {0} 层，以文本形式发送：{1}");

    internal static readonly LocalizedText CutTrimmed = new(
        "cut to their first {0} items: {1}",
        "只保留前 {0} 项：{1}");

    internal static readonly LocalizedText CutOneObject = new(
        "The piped object was",
        "通过管道传入的对象已");

    internal static readonly LocalizedText CutSomeObjects = new(
        "{0} of the {1} piped objects were",
        "通过管道传入的 {1} 个对象中有 {0} 个已");

    internal static readonly LocalizedText CutWarning = new(
        "{0} cut to fit: {1}. To send what was cut, pick the properties with Select-Object (or Select-Object -ExpandProperty), or convert the objects yourself (ConvertTo-Json -Depth 5) and pipe the text.",
        "{0}被裁剪以适应大小：{1}。如需发送被裁剪的内容，请用 Select-Object（或 Select-Object -ExpandProperty）选择属性，或自行转换对象（ConvertTo-Json -Depth 5）后通过管道传入文本。");

    internal static readonly LocalizedText CutMoreNames = new(
        " and {0} more",
        " 等另外 {0} 项");

    internal static readonly LocalizedText PipedCollection = new(
        "(the piped collection)",
        "（通过管道传入的集合）");

    internal static readonly LocalizedText NoModelAccepts = new(
        "no Kimi model accepts more than {0}",
        "没有任何 Kimi 模型接受超过 {0} 的 tokens");

    internal static readonly LocalizedText ModelAccepts = new(
        "{0} accepts {1} (its context length, from /v1/models)",
        "{0} 最多接受 {1}（其上下文长度，来自 /v1/models）");

    internal static readonly LocalizedText WithMaxTokens = new(
        " (with -MaxTokens {0})",
        "（含 -MaxTokens {0}）");

    internal static readonly LocalizedText ContextEstimateExceeded = new(
        "{0}: the request is estimated at about {1} tokens{2}, and {3}. Nothing was sent.",
        "{0}：估计该请求约有 {1} 个 tokens{2}，而{3}。未发送任何内容。");

    internal static readonly LocalizedText ContextEstimateFix = new(
        "Send less, or choose a model with a longer context (Get-KimiModel lists each model's ContextLength): pick fewer properties (... | Select-Object Name, Status | Invoke-KimiChat ...), fewer lines or items (Select-Object -Last 200), or send one request per item with -ForEach; lower -MaxTokens if you set it.",
        "请减少发送的内容，或选择上下文长度更长的模型（Get-KimiModel 会列出每个模型的 ContextLength）：选择更少的属性（... | Select-Object Name, Status | Invoke-KimiChat ...）、更少的行或项（Select-Object -Last 200），或用 -ForEach 每项发送一个请求；如果设置了 -MaxTokens，请调小它。");
}
