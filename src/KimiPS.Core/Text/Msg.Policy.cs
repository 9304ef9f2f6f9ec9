namespace KimiPS.Core;

// Messages of Policy (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText ModelRetired = new(
        "Model '{0}' was retired by Moonshot (offline since {1}); {2}. Run Get-KimiModel to list what your account can use.",
        "模型“{0}”已被 Moonshot 下线（自 {1} 起）；{2}。运行 Get-KimiModel 可列出你的账户可用的模型。");

    internal static readonly LocalizedText PIsEmpty = new(
        "is empty",
        "为空");

    internal static readonly LocalizedText ModelIdFix = new(
        "Give a model id such as kimi-k2.6 (Get-KimiModel lists the models your account can use).",
        "请提供模型 ID，例如 kimi-k2.6（Get-KimiModel 会列出你的账户可用的模型）。");

    internal static readonly LocalizedText AutoContinueJson = new(
        "cannot be combined with JSON mode (response_format json_object): a continuation uses Partial Mode",
        "不能与 JSON Mode（response_format json_object）同时使用：续写依赖 Partial Mode");

    internal static readonly LocalizedText AutoContinueJsonFix = new(
        "Remove -AutoContinue, or remove -Json and raise -MaxTokens so the answer fits.",
        "请去掉 -AutoContinue；或者去掉 -Json，并调大 -MaxTokens 使回答能完整输出。");

    internal static readonly LocalizedText MessagesEmptyFix = new(
        "Give a prompt (-Prompt) or at least one message (-Message).",
        "请提供 prompt（-Prompt）或至少一条消息（-Message）。");

    internal static readonly LocalizedText PNoMessageAt = new(
        "has no message at position {0}",
        "在位置 {0} 没有消息");

    internal static readonly LocalizedText RemoveNullEntry = new(
        "Remove the null entry.",
        "请删除值为 null 的项。");

    internal static readonly LocalizedText PPromptBlankAt = new(
        "is empty or only white space (user message at position {0})",
        "为空或只有空白字符（位置 {0} 的 user 消息）");

    internal static readonly LocalizedText PromptBlankFix = new(
        "Give a non-empty prompt: Kimi rejects messages without content.",
        "请提供非空的 prompt：Kimi 会拒绝没有内容的消息。");

    internal static readonly LocalizedText PToolNoCallId = new(
        "has a tool message at position {0} without ToolCallId",
        "中位置 {0} 的 tool 消息缺少 ToolCallId");

    internal static readonly LocalizedText ToolNoCallIdFix = new(
        "Set ToolCallId to the id of the tool call this result answers.",
        "请将 ToolCallId 设为此结果所对应的工具调用的 ID。");

    internal static readonly LocalizedText PUnknownRole = new(
        "has the unknown role '{0}' at position {1}",
        "中位置 {1} 的消息角色“{0}”无法识别");

    internal static readonly LocalizedText UnknownRoleFix = new(
        "Use system, user, assistant or tool.",
        "请使用 system、user、assistant 或 tool。");

    internal static readonly LocalizedText PPartialRole = new(
        "marks a {0} message as partial (position {1})",
        "将一条 {0} 消息标记为 partial（位置 {1}）");

    internal static readonly LocalizedText PartialRoleFix = new(
        "Only an assistant message can be partial: it is the prefix the model continues.",
        "只有 assistant 消息可以是 partial：它是模型要续写的前缀。");

    internal static readonly LocalizedText PPartialNotLast = new(
        "is not the last message (partial assistant message at position {0})",
        "不是最后一条消息（位置 {0} 的 partial assistant 消息）");

    internal static readonly LocalizedText PartialNotLastFix = new(
        "Put the partial assistant message (the prefix) last in the conversation.",
        "请把 partial assistant 消息（前缀）放在对话的最后。");

    internal static readonly LocalizedText PPrefixJson = new(
        "cannot be combined with JSON mode (response_format json_object)",
        "不能与 JSON Mode（response_format json_object）同时使用");

    internal static readonly LocalizedText PrefixJsonFix = new(
        "Remove -Json, or remove -Prefix; Kimi does not accept Partial Mode with JSON mode.",
        "请去掉 -Json 或 -Prefix：Kimi 不支持 Partial Mode 与 JSON Mode 同时使用。");

    internal static readonly LocalizedText PNullPart = new(
        "has a null content part in the message at position {0}",
        "中位置 {0} 的消息含有值为 null 的内容片段");

    internal static readonly LocalizedText RemoveNullPart = new(
        "Remove the null part.",
        "请删除值为 null 的内容片段。");

    internal static readonly LocalizedText PPartNoUrl = new(
        "has an {0} part without a URL (message at position {1})",
        "中有一个 {0} 片段没有 URL（位置 {1} 的消息）");

    internal static readonly LocalizedText PartNoUrlFix = new(
        "Use a base64 data URL or ms://<file id> of a file uploaded with Send-KimiFile -Purpose {0}.",
        "请使用 base64 data URL，或用 Send-KimiFile -Purpose {0} 上传文件后使用 ms://<file id>。");

    internal static readonly LocalizedText PPartWebUrl = new(
        "has a web URL for an {0} (message at position {1}); Kimi accepts only base64 data URLs or ms://<file id>",
        "中的 {0} 使用了网络 URL（位置 {1} 的消息）；Kimi 只接受 base64 data URL 或 ms://<file id>");

    internal static readonly LocalizedText PartWebUrlFix = new(
        "Upload the {0} with Send-KimiFile -Purpose {1} and use ms://<file id>, or pass the {2} as a data URL (data:{3}/...;base64,...).",
        "请用 Send-KimiFile -Purpose {1} 上传后使用 ms://<file id>，或以 data URL（data:{3}/...;base64,...）的形式传入。");

    internal static readonly LocalizedText PUnknownPart = new(
        "has a content part of unknown type '{0}' (message at position {1})",
        "中有一个类型“{0}”无法识别的内容片段（位置 {1} 的消息）");

    internal static readonly LocalizedText UnknownPartFix = new(
        "Use text, image_url or video_url parts.",
        "请使用 text、image_url 或 video_url 片段。");

    internal static readonly LocalizedText PTemperature = new(
        "is {0}; Kimi accepts 0 to 1, not OpenAI's 0 to 2",
        "为 {0}；Kimi 的取值范围是 [0, 1]，而不是 OpenAI 的 [0, 2]");

    internal static readonly LocalizedText TemperatureFix = new(
        "Give a temperature from 0 to 1 (for example 0.6), or omit it to use the model's default.",
        "请设置 0 到 1 之间的 temperature（例如 0.6），或不设置以使用模型的默认值。");

    internal static readonly LocalizedText PN = new(
        "is {0}; Kimi returns 1 to {1} choices",
        "为 {0}；Kimi 只能返回 1 到 {1} 个 choice");

    internal static readonly LocalizedText NFix = new(
        "Give N from 1 to {0}.",
        "请将 N 设为 1 到 {0}。");

    internal static readonly LocalizedText PNTemperature = new(
        "is {0} with a temperature of {1}; Kimi rejects several choices at a temperature near 0",
        "为 {0}，而 temperature 为 {1}；temperature 接近 0 时 Kimi 只能返回 1 个 choice");

    internal static readonly LocalizedText NTemperatureFix = new(
        "Set Temperature to 0.3 or more, or set N to 1.",
        "请将 Temperature 设为 0.3 或更高，或将 N 设为 1。");

    internal static readonly LocalizedText PTopP = new(
        "is {0}; it must be greater than 0 and at most 1",
        "为 {0}；必须大于 0 且不超过 1");

    internal static readonly LocalizedText TopPFix = new(
        "Give TopP in (0, 1], or omit it to use the model's default of 1.",
        "请将 TopP 设在 (0, 1] 范围内，或不设置以使用模型的默认值 1。");

    internal static readonly LocalizedText PMaxTokens = new(
        "is {0}; it must be at least 1",
        "为 {0}；至少为 1");

    internal static readonly LocalizedText MaxTokensFix = new(
        "Give a positive MaxTokens, or omit it to use the model's default.",
        "请设置正数的 MaxTokens，或不设置以使用模型的默认值。");

    internal static readonly LocalizedText PMaxCompletionTokens = new(
        "is {0}; it must be at least 1",
        "为 {0}；至少为 1");

    internal static readonly LocalizedText MaxCompletionTokensFix = new(
        "Give a positive MaxCompletionTokens, or omit it.",
        "请设置正数的 MaxCompletionTokens，或不设置。");

    internal static readonly LocalizedText PPenalty = new(
        "is {0}; Kimi accepts -2 to 2",
        "为 {0}；Kimi 的取值范围是 -2 到 2");

    internal static readonly LocalizedText PenaltyFix = new(
        "Give {0} from -2 to 2, or omit it (default 0).",
        "请将 {0} 设为 -2 到 2，或不设置（默认 0）。");

    internal static readonly LocalizedText PStopCount = new(
        "has {0} strings; Kimi accepts at most {1}",
        "有 {0} 个字符串；Kimi 最多接受 {1} 个");

    internal static readonly LocalizedText StopCountFix = new(
        "Give at most {0} stop strings.",
        "请最多提供 {0} 个停止词。");

    internal static readonly LocalizedText PStopEmpty = new(
        "contains an empty string",
        "含有空字符串");

    internal static readonly LocalizedText StopEmptyFix = new(
        "Remove the empty stop string.",
        "请删除空的停止词。");

    internal static readonly LocalizedText PStopBytes = new(
        "contains '{0}', which is {1} UTF-8 bytes; Kimi accepts at most {2} bytes per stop string",
        "含有“{0}”，长度为 {1} 个 UTF-8 字节；Kimi 每个停止词最多接受 {2} 个字节");

    internal static readonly LocalizedText StopBytesFix = new(
        "Shorten the stop string to {0} bytes or fewer (a CJK character takes 3 bytes).",
        "请将停止词缩短到 {0} 个字节以内（一个汉字占 3 个字节）。");

    internal static readonly LocalizedText PToolCount = new(
        "has {0} tools; Kimi accepts at most {1}",
        "有 {0} 个工具；Kimi 最多接受 {1} 个");

    internal static readonly LocalizedText ToolCountFix = new(
        "Give at most {0} tools.",
        "请最多提供 {0} 个工具。");

    internal static readonly LocalizedText PNullTool = new(
        "contains a null tool",
        "含有值为 null 的工具");

    internal static readonly LocalizedText PToolType = new(
        "'{0}' has the type '{1}'; Kimi accepts function tools and the built-in $web_search",
        "中的“{0}”类型为“{1}”；Kimi 只接受 function 工具和内置的 $web_search");

    internal static readonly LocalizedText ToolTypeFix = new(
        "Use a function tool (New-KimiTool), or -WebSearch for the built-in search.",
        "请使用 function 工具（New-KimiTool），内置的联网搜索请用 -WebSearch。");

    internal static readonly LocalizedText PToolName = new(
        "has the invalid function name '{0}'",
        "中的函数名“{0}”无效");

    internal static readonly LocalizedText ToolNameFix = new(
        "Use 3 to 64 characters: a letter or underscore first, then letters, digits, underscores or dashes ('$' names are reserved for built-ins; use -WebSearch for $web_search).",
        "请使用 3 到 64 个字符：以字母或下划线开头，其后为字母、数字、下划线或短横线（以“$”开头的名称保留给内置工具；$web_search 请用 -WebSearch）。");

    internal static readonly LocalizedText PToolTwice = new(
        "declares '{0}' more than once",
        "重复声明了“{0}”");

    internal static readonly LocalizedText ToolTwiceFix = new(
        "Declare each tool once.",
        "每个工具只声明一次。");

    internal static readonly LocalizedText PToolSchemaSubject = new(
        "'{0}' has a parameters schema",
        "中“{0}”的 parameters schema");

    internal static readonly LocalizedText ToolParametersFix = new(
        "Give the parameters as a JSON schema object, for example {\"type\":\"object\",\"properties\":{...}}.",
        "请以 JSON schema 对象给出 parameters，例如 {\"type\":\"object\",\"properties\":{...}}。");

    internal static readonly LocalizedText PNotJson = new(
        "{0} that is not valid JSON ({1})",
        "{0} 不是有效的 JSON（{1}）");

    internal static readonly LocalizedText PRootNotObject = new(
        "{0} whose root is {1}, not an object",
        "{0} 的根是{1}，而不是对象");

    internal static readonly LocalizedText PRequiredNoTool = new(
        "is 'required' but no tool is declared",
        "为“required”，但没有声明任何工具");

    internal static readonly LocalizedText RequiredNoToolFix = new(
        "Add tools with -Tool, or remove -ToolChoice.",
        "请用 -Tool 添加工具，或去掉 -ToolChoice。");

    internal static readonly LocalizedText PToolChoiceUnknown = new(
        "names the tool '{0}', which is not declared",
        "指定的工具“{0}”没有声明");

    internal static readonly LocalizedText ToolChoiceUnknownFix = new(
        "Add that tool with -Tool, or use auto, none, required or the name of a declared tool.",
        "请用 -Tool 添加该工具，或使用 auto、none、required 或已声明工具的名称。");

    internal static readonly LocalizedText PReasoningEffort = new(
        "is '{0}'; Kimi accepts low, high or max",
        "为“{0}”；Kimi 只接受 low、high 或 max");

    internal static readonly LocalizedText ReasoningEffortFix = new(
        "Use low, high or max (kimi-k3 only).",
        "请使用 low、high 或 max（仅 kimi-k3 支持）。");

    internal static readonly LocalizedText PSchemaNoName = new(
        "has a JSON schema without a name",
        "中的 JSON schema 没有名称");

    internal static readonly LocalizedText SchemaNoNameFix = new(
        "Give the schema a name.",
        "请为 schema 指定名称。");

    internal static readonly LocalizedText PHasSchema = new(
        "has a schema",
        "中的 schema");

    internal static readonly LocalizedText ResponseSchemaFix = new(
        "Give the response schema as a JSON object.",
        "请以 JSON 对象给出响应的 schema。");

    internal static readonly LocalizedText PUnknownFormat = new(
        "has the unknown response format '{0}'",
        "中的响应格式“{0}”无法识别");

    internal static readonly LocalizedText UnknownFormatFix = new(
        "Use text, json_object or json_schema.",
        "请使用 text、json_object 或 json_schema。");

    internal static readonly LocalizedText JsonArray = new(
        "an array",
        "数组");

    internal static readonly LocalizedText JsonString = new(
        "a string",
        "字符串");

    internal static readonly LocalizedText JsonNumber = new(
        "a number",
        "数字");

    internal static readonly LocalizedText JsonBoolean = new(
        "a boolean",
        "布尔值");

    internal static readonly LocalizedText EmptyAssistantDropped = new(
        "An empty assistant message at position {0} was not sent: Kimi rejects empty assistant turns.",
        "位置 {0} 的 assistant 消息为空，未发送：Kimi 会拒绝空的 assistant 消息。");

    internal static readonly LocalizedText LegacyFunctions = new(
        "The legacy functions list ({0}) was sent as tools: Kimi does not accept OpenAI's functions.",
        "已废弃的 functions 列表（{0} 个）已改为 tools 发送：Kimi 不支持 OpenAI 的 functions 参数。");

    internal static readonly LocalizedText LegacyFunctionCall = new(
        "The legacy function_call '{0}' was sent as tool_choice.",
        "已废弃的 function_call“{0}”已改为 tool_choice 发送。");

    internal static readonly LocalizedText LegacyFunctionCallIgnored = new(
        "The legacy function_call '{0}' was ignored: ToolChoice '{1}' is set.",
        "已废弃的 function_call“{0}”被忽略：已设置 ToolChoice“{1}”。");

    internal static readonly LocalizedText NoReasoningEffort = new(
        "{0} does not accept ReasoningEffort (kimi-k3 only); the requested '{1}' was not sent. Use -Thinking to switch thinking on or off.",
        "{0} 不支持 ReasoningEffort（仅 kimi-k3 支持）；请求的“{1}”未发送。请用 -Thinking 开启或关闭思考模式。");

    internal static readonly LocalizedText AlwaysThinks = new(
        "{0} always thinks (it accepts only thinking enabled); Thinking $false was not sent.",
        "{0} 始终使用思考模式（只接受 thinking enabled）；Thinking $false 未发送。");

    internal static readonly LocalizedText NoThinkingSwitch = new(
        "{0} does not accept the thinking switch; {1} was not sent. Use ReasoningEffort (low, high or max) to control its thinking.",
        "{0} 不支持 thinking 开关；{1} 未发送。请用 ReasoningEffort（low、high 或 max）控制其思考。");

    internal static readonly LocalizedText ThinkingAndEffort = new(
        "Thinking and ReasoningEffort cannot be sent together (Kimi rejects both at once); the requested ReasoningEffort '{0}' was not sent.",
        "Thinking 和 ReasoningEffort 不能同时发送（Kimi 会拒绝）；请求的 ReasoningEffort“{0}”未发送。");

    internal static readonly LocalizedText KeepThinkingNoSwitch = new(
        "KeepThinking was not sent: {0} has no known thinking switch. Add -Thinking to send thinking.keep with it.",
        "KeepThinking 未发送：{0} 没有已知的 thinking 开关。请加上 -Thinking，与 thinking.keep 一起发送。");

    internal static readonly LocalizedText KeepThinkingOff = new(
        "KeepThinking has no effect with thinking off; thinking.keep was not sent.",
        "关闭思考模式时 KeepThinking 不起作用；thinking.keep 未发送。");

    internal static readonly LocalizedText ThinkingOffMode = new(
        " (thinking off)",
        "（非思考模式）");

    internal static readonly LocalizedText ThinkingOnMode = new(
        " (thinking on)",
        "（思考模式）");

    internal static readonly LocalizedText FixedSampling = new(
        "{0} uses a fixed {1} of {2}{3}; the requested {4} was not sent.",
        "{0} 的 {1} 固定为 {2}{3}，不可修改；请求的 {4} 未发送。");

    internal static readonly LocalizedText ToolChoiceEmulated = new(
        "ToolChoice '{0}' was emulated (Kimi accepts only auto and none): the model was asked once more with the message \"{1}\" and still called no tool. Its answer, to that message, is returned.",
        "ToolChoice“{0}”是模拟实现的（Kimi 只接受 auto 和 none）：已用消息“{1}”再次要求模型调用工具，但它仍未调用任何工具。返回的是它对该消息的回答。");

    internal static readonly LocalizedText StillCutChoices = new(
        "The answer stopped at the token limit (finish_reason length) and was not continued: AutoContinue continues a single answer, and this one has {0} choices. Raise MaxTokens, or ask for one choice.",
        "回答因达到 tokens 上限而停止（finish_reason length），且未续写：AutoContinue 只续写单个回答，而这个回答有 {0} 个 choice。请调大 MaxTokens，或只请求一个 choice。");

    internal static readonly LocalizedText StillCut = new(
        "The answer is still cut at the token limit (finish_reason length) after {0} continuation{1} (AutoContinue {2}); the text so far is returned. Raise MaxTokens or AutoContinue for the rest.",
        "续写 {0} 次后回答仍因达到 tokens 上限而被截断（finish_reason length，AutoContinue {2}）；返回目前已有的文本。如需其余部分，请调大 MaxTokens 或 AutoContinue。");
}
