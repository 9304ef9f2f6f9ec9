// TEMPORARY compile shims for helper-owned types; deleted before merging their branches.
namespace KimiPS.Core;
internal sealed class PreparedChat { public ChatRequest Wire = new(); public string? PartialPrefix; }
internal static class ModelPolicy {
    public static PreparedChat Prepare(ChatRequest r, Action<string> w) => throw new NotImplementedException();
    public static ChatRequest? ContinueAfterLength(PreparedChat p, ChatRequest w, ChatCompletion c, int n) => null;
    public static ChatRequest? ToolChoiceFollowUp(PreparedChat p, ChatRequest w, ChatCompletion c) => null;
}
internal static class ChatRequestWriter { public static byte[] ToUtf8(ChatRequest wire, bool stream) => throw new NotImplementedException(); public static byte[] EstimateBody(ChatRequest w) => throw new NotImplementedException(); }
internal static class ChatCompletionReader { public static ChatCompletion Read(ReadOnlySpan<byte> j, string? r, string? p) => throw new NotImplementedException(); }
internal static class ChatRequestWriterShim2 { }
