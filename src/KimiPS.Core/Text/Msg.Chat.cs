namespace KimiPS.Core;

// Messages of Chat (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText StreamClosedBeforeDone = new(
        "the server closed the stream before [DONE]",
        "服务器在 [DONE] 之前关闭了流");

    internal static readonly LocalizedText StreamCut = new(
        "the connection was cut",
        "连接被切断");

    internal static readonly LocalizedText StreamRequestId = new(
        " Request id: {0}.",
        " 请求 ID：{0}。");

    internal static readonly LocalizedText StreamEndedEarly = new(
        "The answer stream ended early: {0}. {1} characters were received and are kept in PartialContent.{2}",
        "回答的流式输出提前结束：{0}。已收到 {1} 个字符，保存在 PartialContent 中。{2}");
}
