using System.Text;

namespace KimiPS.Core.Tests.Sse;

/// <summary>Runs the reader and the decoder over a stream the way the client does, for the tests.</summary>
internal static class StreamRunner
{
    public static KimiApiException DefaultErrorFactory(ReadOnlyMemory<byte> data) =>
        new(KimiErrorIds.ServerError, KimiErrorCategories.InvalidData, "stream error: " + Encoding.UTF8.GetString(data.ToArray()), null, 200);

    public sealed record Result(List<ChatChunk> Chunks, ChatChunk? Final, ChatStreamDecoder Decoder, bool SawDone);

    public static Result Run(Stream stream, string? prefix = null, Func<ReadOnlyMemory<byte>, KimiApiException>? errorFactory = null)
    {
        var decoder = new ChatStreamDecoder("req-1", prefix, errorFactory ?? DefaultErrorFactory);
        var chunks = new List<ChatChunk>();
        using var reader = new SseEventReader(stream, 1 << 20);
        bool done = false;
        while (reader.TryReadEvent(out var data))
        {
            if (!decoder.Decode(data, chunks))
            {
                done = true;
                break;
            }
        }
        return new Result(chunks, done ? FinalChunk(decoder.BuildCompletion()) : null, decoder, done);
    }

    /// <summary>The last chunk as KimiClient.ChatStream builds it after [DONE] (ChatStreamDecoder has no Finish of its own).</summary>
    private static ChatChunk FinalChunk(ChatCompletion completion) =>
        new() { FinishReason = completion.FinishReason, Usage = completion.Usage, Completion = completion };

    public static Result Run(string sse, string? prefix = null, Func<ReadOnlyMemory<byte>, KimiApiException>? errorFactory = null) =>
        Run(PiecewiseStream.AllAtOnce(Encoding.UTF8.GetBytes(sse)), prefix, errorFactory);

    /// <summary>An SSE body from JSON chunks, each as one event, ended with [DONE].</summary>
    public static string Body(params string[] jsonChunks) =>
        string.Concat(jsonChunks.Select(j => "data: " + j + "\n\n")) + "data: [DONE]\n\n";

    public static string ContentChunk(string jsonString, int index = 0) =>
        $$"""{"id":"c1","object":"chat.completion.chunk","created":1770992031,"model":"kimi-k2.6","choices":[{"index":{{index}},"delta":{"content":{{jsonString}}},"finish_reason":null}]}""";
}
