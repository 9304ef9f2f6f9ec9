namespace KimiPS.Core;

// Messages of Json (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText ChatNotJson = new(
        "The chat response is not valid JSON ({0}).",
        "聊天响应不是有效的 JSON（{0}）。");

    internal static readonly LocalizedText ChatNotObject = new(
        "The chat response is {0}, not a JSON object.",
        "聊天响应是 {0}，而不是 JSON 对象。");

    internal static readonly LocalizedText ErrorObjectIn200 = new(
        "error object in an HTTP 200 body",
        "HTTP 200 响应正文中的错误对象");

    internal static readonly LocalizedText ChatNoChoicesArray = new(
        "The chat response has no choices array.",
        "聊天响应中没有 choices 数组。");

    internal static readonly LocalizedText ChatEmptyChoices = new(
        "The chat response has no choices (an empty choices array).",
        "聊天响应中没有 choice（choices 数组为空）。");

    internal static readonly LocalizedText ChoiceNotObject = new(
        "Choice {0} of the chat response is not an object.",
        "聊天响应的第 {0} 个 choice 不是对象。");

    internal static readonly LocalizedText ChoiceNoMessage = new(
        "Choice {0} of the chat response has no message.",
        "聊天响应的第 {0} 个 choice 没有 message。");

    internal static readonly LocalizedText ContentNotString = new(
        "The message content is {0}, not a string.",
        "消息的 content 是 {0}，而不是字符串。");

    internal static readonly LocalizedText ToolCallsNotArray = new(
        "tool_calls is not an array.",
        "tool_calls 不是数组。");

    internal static readonly LocalizedText ToolCallNotObject = new(
        "Tool call {0} is not an object.",
        "第 {0} 个工具调用不是对象。");

    internal static readonly LocalizedText ToolCallNoFunction = new(
        "Tool call {0} has no function.",
        "第 {0} 个工具调用没有 function。");

    internal static readonly LocalizedText ToolCallNoName = new(
        "Tool call {0} has no function name.",
        "第 {0} 个工具调用没有函数名。");

    internal static readonly LocalizedText ToolArgsNotString = new(
        "Tool call arguments are {0}, not a string.",
        "工具调用的 arguments 是 {0}，而不是字符串。");

    internal static readonly LocalizedText FieldNotObject = new(
        "'{0}' is {1}, not an object.",
        "“{0}”是 {1}，而不是对象。");

    internal static readonly LocalizedText FieldNotString = new(
        "'{0}' is {1}, not a string.",
        "“{0}”是 {1}，而不是字符串。");

    internal static readonly LocalizedText FieldNotWhole = new(
        "'{0}' is not a whole number.",
        "“{0}”不是整数。");

    internal static readonly LocalizedText WithRequestId = new(
        "{0} (request id {1})",
        "{0}（请求 ID {1}）");

    internal static readonly LocalizedText ChatProtocolFix = new(
        "The server did not answer like the Kimi API. Check BaseUri (a proxy or gateway may be answering); if it persists, quote the request id to support.",
        "服务器的响应不符合 Kimi API。请检查 BaseUri（可能是代理或网关在应答）；如果持续出现，请向客服提供请求 ID。");
}
