using System.Text;

namespace KimiPS.Core;

/// <summary>
/// A local, cheap estimate of a request's prompt tokens, for the client-side TokensPerMinute limit. It never
/// calls the server (that would spend a request per request): about 4 UTF-8 bytes per token, which is close for
/// English and errs high for Chinese (3 bytes a character, often 1 to 1.5 characters a token). Images count a
/// flat amount. Tokens the answer will use are unknown before it is written, so they are not counted.
/// </summary>
internal static class TokenEstimate
{
    internal const int BytesPerToken = 4;
    internal const int TokensPerImage = 1000;

    /// <summary>The estimated prompt tokens of one queued chat input (piped text, prompt, system prompt, history, messages, documents).</summary>
    public static int Of(ChatInput input)
    {
        if (input is null) throw new ArgumentNullException(nameof(input));
        long bytes = Utf8(input.Prompt) + Utf8(input.PipedText) + Utf8(input.SystemPrompt) + Utf8(input.Prefix);
        long tokens = input.Images.Count * (long)TokensPerImage;
        foreach (var message in (input.History ?? Array.Empty<ChatMessage>()).Concat(input.Messages))
            Add(message, ref bytes, ref tokens);
        foreach (var file in input.Files) bytes += Utf8(file.Content);
        // Documents still to be fetched are counted by their stored size: their text is not known yet, and a
        // document is what makes a prompt large.
        foreach (var file in input.PendingFiles) bytes += Math.Max(0, file.Bytes);
        return Clamp(tokens + (bytes + BytesPerToken - 1) / BytesPerToken);
    }

    private static void Add(ChatMessage message, ref long bytes, ref long tokens)
    {
        bytes += Utf8(message.Content) + Utf8(message.ReasoningContent);
        foreach (var part in message.Parts ?? Array.Empty<ChatContentPart>())
        {
            if (part.Type == "text") bytes += Utf8(part.Text);
            else tokens += TokensPerImage;
        }
        foreach (var call in message.ToolCalls ?? Array.Empty<ToolCall>()) bytes += Utf8(call.Arguments);
    }

    private static long Utf8(string? text) => string.IsNullOrEmpty(text) ? 0 : Encoding.UTF8.GetByteCount(text);

    private static int Clamp(long tokens) => tokens > int.MaxValue ? int.MaxValue : (int)tokens;
}
