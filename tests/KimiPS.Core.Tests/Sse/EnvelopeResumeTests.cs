using System.Text;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Sse;

/// <summary>
/// The decoder skips re-parsing the envelope (id, object, created, model) that every chunk repeats.
/// These pin that the shortcut changes nothing a caller can see.
/// </summary>
public sealed class EnvelopeResumeTests
{
    private static ChatStreamDecoder NewDecoder() =>
        new("req-1", null, data => new KimiApiException(KimiErrorIds.ServerError, KimiErrorCategories.ResourceUnavailable, "error", null, 200));

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void A_broken_later_chunk_reports_the_same_error_as_a_fresh_parse()
    {
        var broken = StreamRunner.ContentChunk("\"b\"").Replace("\"delta\":{", "\"delta\":{{");
        var fresh = Assert.Throws<KimiException>(() => NewDecoder().Decode(Bytes(broken), new List<ChatChunk>()));

        var decoder = NewDecoder();
        decoder.Decode(Bytes(StreamRunner.ContentChunk("\"a\"")), new List<ChatChunk>()); // remembers the envelope
        var resumed = Assert.Throws<KimiException>(() => decoder.Decode(Bytes(broken), new List<ChatChunk>()));

        Assert.Equal(KimiErrorIds.ProtocolError, resumed.ErrorId);
        Assert.Equal(fresh.Message, resumed.Message); // same byte offset, counted from the start of the event
    }

    [Fact]
    public void A_changed_envelope_mid_stream_is_parsed_in_full()
    {
        var decoder = NewDecoder();
        var output = new List<ChatChunk>();
        decoder.Decode(Bytes(StreamRunner.ContentChunk("\"one \"")), output);
        decoder.Decode(Bytes(StreamRunner.ContentChunk("\"two \"").Replace("\"model\":\"kimi-k2.6\"", "\"model\":\"kimi-k2.6-b\"")), output);
        decoder.Decode(Bytes("""{"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3},"id":"c1","object":"chat.completion.chunk","created":1770992031,"model":"kimi-k2.6","choices":[{"index":0,"delta":{"content":"three"},"finish_reason":"stop"}]}"""), output);
        decoder.Decode(Bytes(StreamRunner.ContentChunk("\"\"")), output);

        Assert.Equal("one two three", string.Concat(output.Select(c => c.Content)));
        var completion = decoder.BuildCompletion();
        Assert.Equal("one two three", completion.Content);
        Assert.Equal(3, completion.Usage!.TotalTokens);
    }
}
