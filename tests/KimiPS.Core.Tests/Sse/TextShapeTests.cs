using System.Text;
using System.Text.Json;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Sse;

/// <summary>
/// The decoder reads only the string of a chunk that has the same bytes around it as the last plain text chunk.
/// These pin that the shortcut decodes exactly what a full parse decodes, and that anything else falls back to it.
/// </summary>
public sealed class TextShapeTests
{
    private static ChatStreamDecoder NewDecoder() =>
        new("req-1", null, data => new KimiApiException(KimiErrorIds.ServerError, KimiErrorCategories.ResourceUnavailable, "error", null, 200));

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    private static string ReasoningChunk(string jsonString) =>
        StreamRunner.ContentChunk(jsonString).Replace("\"content\":", "\"reasoning_content\":");

    private static List<ChatChunk> DecodeAll(ChatStreamDecoder decoder, IEnumerable<string> events)
    {
        var output = new List<ChatChunk>();
        foreach (var e in events) decoder.Decode(Bytes(e), output);
        return output;
    }

    /// <summary>What each event says, read with JsonDocument: the oracle, independent of the decoder.</summary>
    private static (string Content, string Reasoning) Oracle(IEnumerable<string> events)
    {
        var content = new StringBuilder();
        var reasoning = new StringBuilder();
        foreach (var e in events)
        {
            using var doc = JsonDocument.Parse(e);
            foreach (var choice in doc.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.GetProperty("index").GetInt32() != 0 || !choice.TryGetProperty("delta", out var delta)) continue;
                if (delta.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String) content.Append(c.GetString());
                if (delta.TryGetProperty("reasoning_content", out var r) && r.ValueKind == JsonValueKind.String) reasoning.Append(r.GetString());
            }
        }
        return (content.ToString(), reasoning.ToString());
    }

    [Fact]
    public void Escapes_surrogates_and_empty_strings_decode_as_a_full_parse_does()
    {
        string[] strings =
        {
            "\"Hello\"", "\" \\\"quoted\\\"\"", "\"\\\\\"", "\"\\u4f60\\u597d\"", "\"月之暗面\"", "\"\\ud83d\\ude00 \"",
            "\"\"", "\"tab\\tnew\\nline\"", "\"\\/slash\"", "\"end\"",
        };
        var events = new List<string>();
        foreach (var s in strings) events.Add(ReasoningChunk(s));
        foreach (var s in strings) events.Add(StreamRunner.ContentChunk(s));

        var decoder = NewDecoder();
        var output = DecodeAll(decoder, events);

        var (content, reasoning) = Oracle(events);
        Assert.Equal(content, string.Concat(output.Select(c => c.Content)));
        Assert.Equal(reasoning, string.Concat(output.Select(c => c.ReasoningContent)));
        Assert.All(output, c => Assert.True(c.Content is null ^ c.ReasoningContent is null)); // one kind per chunk
        Assert.Equal(strings.Length * 2 - 2, output.Count); // the two "" say nothing
        var completion = decoder.BuildCompletion();
        Assert.Equal(content, completion.Content);
        Assert.Equal(reasoning, completion.ReasoningContent);
    }

    [Fact]
    public void Two_members_between_the_same_bytes_are_not_taken_for_one_string()
    {
        // Valid JSON whose bytes before and after match the remembered shape, but whose middle is
        // "a","reasoning_content":"b": a full parse gives both.
        var tricky = StreamRunner.ContentChunk("\"a\",\"reasoning_content\":\"b\"");
        var events = new[] { StreamRunner.ContentChunk("\"x\""), StreamRunner.ContentChunk("\"y\""), tricky };

        var output = DecodeAll(NewDecoder(), events);

        Assert.Equal("xya", string.Concat(output.Select(c => c.Content)));
        Assert.Equal("b", output[2].ReasoningContent);
    }

    [Theory]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("\"raw \u0001 control\"")]
    [InlineData("\"unterminated \\\"")]
    public void An_invalid_string_in_a_known_shape_reports_the_full_parse_error(string badString)
    {
        var broken = StreamRunner.ContentChunk(badString);
        var fresh = Assert.Throws<KimiException>(() => NewDecoder().Decode(Bytes(broken), new List<ChatChunk>()));

        var decoder = NewDecoder();
        DecodeAll(decoder, new[] { StreamRunner.ContentChunk("\"a\""), StreamRunner.ContentChunk("\"b\"") });
        var shaped = Assert.Throws<KimiException>(() => decoder.Decode(Bytes(broken), new List<ChatChunk>()));

        Assert.Equal(KimiErrorIds.ProtocolError, shaped.ErrorId);
        Assert.Equal(fresh.Message, shaped.Message);
        Assert.StartsWith("ab", decoder.PartialContent); // what came before the bad event is kept
    }

    [Fact]
    public void Chunks_that_change_state_are_never_remembered_as_the_shape()
    {
        // A usage-bearing chunk, a second choice and a tool call between text chunks: each must still be
        // applied, and the text after them still decoded.
        var withUsage = StreamRunner.ContentChunk("\"u\"").Replace("\"finish_reason\":null}]", "\"finish_reason\":null,\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}]");
        var secondChoice = StreamRunner.ContentChunk("\"other\"", index: 1);
        var toolCall = StreamRunner.ContentChunk("\"t\"").Replace("\"content\":\"t\"", "\"content\":\"t\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]");
        var finish = StreamRunner.ContentChunk("\"!\"").Replace("\"finish_reason\":null", "\"finish_reason\":\"tool_calls\"");
        var events = new[]
        {
            StreamRunner.ContentChunk("\"a\""), withUsage, StreamRunner.ContentChunk("\"b\""), secondChoice,
            StreamRunner.ContentChunk("\"c\""), toolCall, StreamRunner.ContentChunk("\"d\""), withUsage, finish,
        };

        var decoder = NewDecoder();
        var output = DecodeAll(decoder, events);

        Assert.Equal("aubctdu!", string.Concat(output.Where(c => c.ChoiceIndex == 0).Select(c => c.Content)));
        Assert.Equal("other", string.Concat(output.Where(c => c.ChoiceIndex == 1).Select(c => c.Content)));
        var final = output.Last();
        Assert.Equal("tool_calls", final.FinishReason);
        Assert.Equal("f", Assert.Single(final.ToolCalls!).Name);
        var completion = decoder.BuildCompletion();
        Assert.Equal(2, completion.Choices.Count);
        Assert.Equal(3, completion.Choices[0].Usage!.TotalTokens);
    }

    [Fact]
    public void A_changed_envelope_after_a_known_shape_is_parsed_in_full()
    {
        var renamed = StreamRunner.ContentChunk("\"c\"").Replace("\"model\":\"kimi-k2.6\"", "\"model\":\"kimi-k2.6-b\"");
        var decoder = NewDecoder();
        var output = DecodeAll(decoder, new[] { StreamRunner.ContentChunk("\"a\""), StreamRunner.ContentChunk("\"b\""), renamed, StreamRunner.ContentChunk("\"d\"") });

        Assert.Equal("abcd", string.Concat(output.Select(c => c.Content)));
        Assert.Equal("kimi-k2.6", decoder.BuildCompletion().Model); // read once, from the first chunk
    }
}
