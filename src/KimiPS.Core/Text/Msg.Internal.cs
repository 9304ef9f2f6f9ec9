namespace KimiPS.Core;

// Messages of Internal (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText AnswerNotJson = new(
        "the answer to {0} is not valid JSON (at byte {1})",
        "{0}的响应不是有效的 JSON（位于第 {1} 字节）");
}
