namespace KimiPS.Core;

// Messages of Sse (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText SseAction = new(
        "The server (or a proxy in between) sent a stream this client cannot read. Try again; if it persists, check the BaseUri and any proxy.",
        "服务器（或中间的代理）发来的流式数据无法读取。请重试；如果持续出现，请检查 BaseUri 和代理。");

    internal static readonly LocalizedText SseEventTooLarge = new(
        "A server-sent event exceeded {0} bytes.",
        "一个服务器推送事件（SSE）超过了 {0} 字节。");

    internal static readonly LocalizedText JsonEndsEarly = new(
        "the JSON ends early",
        "JSON 提前结束");

    internal static readonly LocalizedText JsonInteger = new(
        "an integer",
        "整数");

    internal static readonly LocalizedText JsonInt32 = new(
        "a 32-bit integer",
        "32 位整数");

    internal static readonly LocalizedText JsonObjectFor = new(
        "an object for '{0}'",
        "“{0}”的对象");

    internal static readonly LocalizedText StreamEventUnexpected = new(
        "A stream event has {0} at byte {1} where {2} was expected.",
        "流式事件在第 {1} 字节处是{0}，此处应为{2}。");

    internal static readonly LocalizedText StreamEventNotJsonReason = new(
        "A stream event is not valid JSON at byte {0}: {1}.",
        "流式事件在第 {0} 字节处不是有效的 JSON：{1}。");

    internal static readonly LocalizedText StreamEventNotJson = new(
        "A stream event is not valid JSON at byte {0}.",
        "流式事件在第 {0} 字节处不是有效的 JSON。");

    internal static readonly LocalizedText JsonObject = new(
        "an object",
        "对象");

    internal static readonly LocalizedText ArrayForToolCalls = new(
        "an array for 'tool_calls'",
        "“tool_calls”的数组");

    internal static readonly LocalizedText StringForArguments = new(
        "a string for 'arguments'",
        "“arguments”的字符串");

    internal static readonly LocalizedText AJsonObject = new(
        "a JSON object",
        "JSON 对象");

    internal static readonly LocalizedText EndOfEvent = new(
        "the end of the event",
        "事件结尾");

    internal static readonly LocalizedText ArrayForChoices = new(
        "an array for 'choices'",
        "“choices”的数组");

    internal static readonly LocalizedText IndexBetween = new(
        "a {0} index between 0 and {1}",
        "0 到 {1} 之间的 {0} 索引");

    internal static readonly LocalizedText WhatToolCall = new(
        "tool call",
        "工具调用");
}
