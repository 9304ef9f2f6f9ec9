using System.Text;
using System.Text.Json;

namespace KimiPS.Core.Tests.Sse;

public sealed class ChatStreamDecoderTests
{
    private static byte[] Seed003() =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed003-stream.sse"));

    [Fact]
    public void Seed003ReadOneByteAtATimeAndAllAtOnceGivesTheSameAnswer()
    {
        var whole = StreamRunner.Run(PiecewiseStream.AllAtOnce(Seed003()));
        var bytewise = StreamRunner.Run(PiecewiseStream.OneByteAtATime(Seed003()));

        Assert.True(whole.SawDone);
        Assert.True(bytewise.SawDone);
        Assert.Equal(Describe(whole.Chunks), Describe(bytewise.Chunks));

        foreach (var run in new[] { whole, bytewise })
        {
            var completion = run.Final!.Completion!;
            Assert.Equal(" 你好!我能幫助 你今天嗎?", completion.Content);
            Assert.Equal(" 你好!我能幫助 你今天嗎?", string.Concat(run.Chunks.Select(c => c.Content)));
            Assert.Equal("stop", completion.FinishReason);
            Assert.Equal("stop", run.Final.FinishReason);
            Assert.Equal("chatcmpl-952dd5e75583c4d1", completion.Id);
            Assert.Equal("kimi-k2.5", completion.Model);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770992031), completion.Created);
            Assert.Equal("req-1", completion.RequestId);
            Assert.Equal(9, completion.Usage!.PromptTokens);
            Assert.Equal(135, completion.Usage.CompletionTokens);
            Assert.Equal(144, completion.Usage.TotalTokens);
            Assert.Equal(0, completion.Usage.CachedTokens);
            Assert.Same(completion.Usage, run.Final.Usage);
            Assert.Empty(completion.ToolCalls);
            Assert.Null(run.Final.Content);

            // The gateway repeats each reasoning_content as "reasoning": it must be counted once.
            string expectedReasoning = ConcatDeltas(Seed003(), "reasoning_content");
            Assert.Equal(expectedReasoning, ConcatDeltas(Seed003(), "reasoning"));
            Assert.Equal(expectedReasoning, completion.ReasoningContent);
            Assert.Equal(expectedReasoning, string.Concat(run.Chunks.Select(c => c.ReasoningContent)));
            Assert.StartsWith(" 這 使用者說了「你好」", completion.ReasoningContent);
        }
    }

    /// <summary>The reference answer, decoded the slow, obvious way.</summary>
    private static string ConcatDeltas(byte[] sse, string property)
    {
        var sb = new StringBuilder();
        foreach (var line in Encoding.UTF8.GetString(sse).Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal)) continue;
            using var doc = JsonDocument.Parse(line.Substring(6));
            foreach (var choice in doc.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.GetProperty("delta").TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
                    sb.Append(value.GetString());
            }
        }
        return sb.ToString();
    }

    private static List<string> Describe(IEnumerable<ChatChunk> chunks) =>
        chunks.Select(c => $"{c.ChoiceIndex}|{c.Content}|{c.ReasoningContent}|{c.FinishReason}|{c.Usage}|{c.ToolCalls?.Count}").ToList();

    [Fact]
    public void ToolCallFragmentsAreJoinedPerIndexAndSurfacedOnce()
    {
        var body = StreamRunner.Body(
            """{"id":"c1","model":"kimi-k2.6","created":1,"choices":[{"index":0,"delta":{"role":"assistant","content":"Let me add."},"finish_reason":null}]}""",
            """{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"functions.add:0","type":"function","function":{"name":"add","arguments":""}}]}}]}""",
            """{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"functions.mul:1","type":"function","function":{"name":"mul","arguments":"{\"x\""}}]}}]}""",
            """{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"a\": 1,"}}]}}]}""",
            """{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":": 2, \"y\": \"\u4f60\"}"}},{"index":0,"function":{"arguments":" \"b\": 2}"}}]}}]}""",
            """{"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls","usage":{"prompt_tokens":20,"completion_tokens":30,"total_tokens":50,"cached_tokens":16}}]}""");
        var run = StreamRunner.Run(body);

        var withCalls = run.Chunks.Where(c => c.ToolCalls is not null).ToList();
        var chunk = Assert.Single(withCalls);
        Assert.Equal("tool_calls", chunk.FinishReason);
        Assert.Equal(50, chunk.Usage!.TotalTokens);
        Assert.Equal(16, chunk.Usage.CachedTokens);
        Assert.Equal(2, chunk.ToolCalls!.Count);
        var add = chunk.ToolCalls.Single(c => c.Index == 0);
        var mul = chunk.ToolCalls.Single(c => c.Index == 1);
        Assert.Equal(("functions.add:0", "function", "add", "{\"a\": 1, \"b\": 2}"), (add.Id, add.Type, add.Name, add.Arguments));
        Assert.Equal(("functions.mul:1", "mul", "{\"x\": 2, \"y\": \"你\"}"), (mul.Id, mul.Name, mul.Arguments));

        var completion = run.Final!.Completion!;
        Assert.Equal("Let me add.", completion.Content);
        Assert.Equal("tool_calls", completion.FinishReason);
        Assert.Equal(["functions.add:0", "functions.mul:1"], completion.ToolCalls.Select(c => c.Id));
        Assert.Equal(add.Arguments, completion.ToolCalls[0].Arguments);
        Assert.Equal(50, completion.Usage!.TotalTokens);
        Assert.Null(run.Final.ToolCalls); // surfaced once, not again on the final chunk
    }

    [Fact]
    public void ToolCallsOfAChoiceThatNeverFinishedAreSurfacedAtDone()
    {
        var body = StreamRunner.Body(
            """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"search:0","type":"builtin_function","function":{"name":"$web_search","arguments":"{\"q\":"}}]}}]}""",
            """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"kimi\"}"}}]}}]}""");
        var run = StreamRunner.Run(body);
        var call = Assert.Single(Assert.Single(run.Chunks).ToolCalls!);
        Assert.Equal(("search:0", "builtin_function", "$web_search", "{\"q\":\"kimi\"}"), (call.Id, call.Type, call.Name, call.Arguments));
        Assert.Single(run.Final!.Completion!.ToolCalls);
    }

    [Fact]
    public void KeysInUnusualOrderStillLandOnTheRightChoiceAndCall()
    {
        var body = StreamRunner.Body(
            """{"choices":[{"delta":{"content":"one"},"index":1},{"delta":{"content":"zero"},"index":0}]}""",
            """{"choices":[{"delta":{"tool_calls":[{"function":{"name":"f","arguments":"{}"},"id":"f:0","index":3}]},"index":1,"finish_reason":"tool_calls"}]}""");
        var run = StreamRunner.Run(body);
        var completion = run.Final!.Completion!;
        Assert.Equal("zero", completion.Choices[0].Content);
        Assert.Equal("one", completion.Choices[1].Content);
        var call = Assert.Single(completion.Choices[1].ToolCalls);
        Assert.Equal((3, "f:0", "f", "{}"), (call.Index, call.Id, call.Name, call.Arguments));
    }

    [Fact]
    public void PerChoiceUsageWithTwoChoicesIsSummedWhenThereIsNoRequestUsage()
    {
        var body = StreamRunner.Body(
            """{"id":"c2","choices":[{"index":0,"delta":{"content":"A"}},{"index":1,"delta":{"content":"B"}}],"usage":null}""",
            """{"id":"c2","choices":[{"index":1,"delta":{"content":"b"},"finish_reason":"length","usage":{"prompt_tokens":10,"completion_tokens":7,"total_tokens":17,"prompt_tokens_details":{"cached_tokens":4}}}]}""",
            """{"id":"c2","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop","usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13,"cached_tokens":4}}]}""");
        var run = StreamRunner.Run(body);

        var usages = run.Chunks.Where(c => c.Usage is not null).ToList();
        Assert.Equal([1, 0], usages.Select(c => c.ChoiceIndex));
        Assert.Equal(4, usages[0].Usage!.CachedTokens); // from prompt_tokens_details (gateway shape)

        var completion = run.Final!.Completion!;
        Assert.Equal(2, completion.Choices.Count);
        Assert.Equal(("A", "stop", 3), (completion.Choices[0].Content, completion.Choices[0].FinishReason, completion.Choices[0].Usage!.CompletionTokens));
        Assert.Equal(("Bb", "length", 7), (completion.Choices[1].Content, completion.Choices[1].FinishReason, completion.Choices[1].Usage!.CompletionTokens));
        Assert.Equal((20, 10, 30, 8), (completion.Usage!.PromptTokens, completion.Usage.CompletionTokens, completion.Usage.TotalTokens, completion.Usage.CachedTokens));
        Assert.Equal("stop", run.Final.FinishReason);
    }

    [Fact]
    public void IncludeUsageChunkWithNoChoicesGivesTheRequestUsage()
    {
        var body = StreamRunner.Body(
            StreamRunner.ContentChunk("\"Hi\""),
            """{"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop","usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}],"usage":null}""",
            """{"id":"c1","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7,"cached_tokens":3,"prompt_tokens_details":{"cached_tokens":99}}}""");
        var run = StreamRunner.Run(body);
        Assert.Equal(2, run.Chunks.Count); // the usage-only chunk adds no chunk of its own
        var usage = run.Final!.Usage!;
        Assert.Equal((5, 2, 7, 3), (usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens, usage.CachedTokens));
        Assert.Equal(1, run.Final.Completion!.Choices[0].Usage!.CompletionTokens);
    }

    [Fact]
    public void PartialModePrefixIsPrependedToChoiceZero()
    {
        var run = StreamRunner.Run(StreamRunner.Body(StreamRunner.ContentChunk("\" world\"")), prefix: "Hello");
        Assert.Equal(" world", Assert.Single(run.Chunks).Content);
        Assert.Equal("Hello world", run.Final!.Completion!.Content);
        Assert.Equal("Hello world", run.Decoder.PartialContent);

        var empty = StreamRunner.Run("data: [DONE]\n\n", prefix: "Hello");
        Assert.Equal("Hello", empty.Final!.Completion!.Content);
        Assert.False(empty.Decoder.SawAnyChunk);
    }

    [Fact]
    public void DoneEndsTheStreamAndWhitespaceAroundItIsTolerated()
    {
        var decoder = new ChatStreamDecoder(null, null, StreamRunner.DefaultErrorFactory);
        var output = new List<ChatChunk>();
        Assert.True(decoder.Decode(Encoding.UTF8.GetBytes(StreamRunner.ContentChunk("\"x\"")), output));
        Assert.True(decoder.SawAnyChunk);
        Assert.False(decoder.SawDone);
        Assert.False(decoder.Decode(Encoding.UTF8.GetBytes(" [DONE]\r\n"), output));
        Assert.True(decoder.SawDone);

        // Events after [DONE] are never read.
        var run = StreamRunner.Run("data: [DONE]\n\n" + "data: " + StreamRunner.ContentChunk("\"late\"") + "\n\n");
        Assert.Empty(run.Chunks);
        Assert.True(run.SawDone);

        // "[DONE]" inside a bigger value is not the sentinel.
        Assert.Throws<KimiException>(() => new ChatStreamDecoder(null, null, StreamRunner.DefaultErrorFactory)
            .Decode(Encoding.UTF8.GetBytes("[DONE] x"), output));
    }

    [Fact]
    public void ErrorObjectMidStreamThrowsTheFactoryExceptionAndKeepsThePartialText()
    {
        var errorEvent = """{"error":{"type":"engine_overloaded_error","message":"busy"}}""";
        ReadOnlyMemory<byte> seen = default;
        var body = StreamRunner.Body(StreamRunner.ContentChunk("\"Par\""), StreamRunner.ContentChunk("\"tial\""), errorEvent);
        var decoder = new ChatStreamDecoder("req-1", "P: ", data =>
        {
            seen = data.ToArray();
            return new KimiApiException(KimiErrorIds.EngineOverloaded, KimiErrorCategories.ResourceBusy, "overloaded", null, 200);
        });
        using var reader = new SseEventReader(new MemoryStream(Encoding.UTF8.GetBytes(body)), 1 << 20);
        var ex = Assert.Throws<KimiApiException>(() =>
        {
            while (reader.TryReadEvent(out var data)) decoder.Decode(data, new List<ChatChunk>());
        });
        Assert.Equal(KimiErrorIds.EngineOverloaded, ex.ErrorId);
        // The decoder keeps the text; StreamDecoding puts it on the error (StreamFailureTests).
        Assert.Equal("P: Partial", decoder.PartialContent);
        Assert.Equal(errorEvent, Encoding.UTF8.GetString(seen.ToArray()));

        // The gateway forms: error beside other members, error as a string, success:false.
        foreach (var gateway in new[]
        {
            """{"id":"x","error":{"code":"used_up","message":"no balance"},"trace_id":"t-1"}""",
            """{"error":"boom"}""",
            """{"success":false,"trace_id":"t-2"}""",
        })
        {
            Assert.Throws<KimiApiException>(() => StreamRunner.Run(StreamRunner.Body(gateway)));
        }

        // "error": null is not an error.
        Assert.True(StreamRunner.Run(StreamRunner.Body("""{"error":null,"choices":[]}""")).SawDone);
    }

    [Theory]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"abc}]}""")]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"a"}}]""")]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"a"}}]}}""")]
    [InlineData("""{"choices":{"index":0}}""")]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":42}}]}""")]
    [InlineData("""{"choices":[{"index":-1,"delta":{}}]}""")]
    [InlineData("""not json at all""")]
    [InlineData("""[1,2]""")]
    [InlineData("")]
    public void MalformedJsonIsAProtocolErrorWithAnOffset(string json)
    {
        var ex = Assert.Throws<KimiException>(() => StreamRunner.Run("data: " + json + "\n\ndata: [DONE]\n\n"));
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ProtocolError, ex.Category);
        Assert.Contains("byte", ex.Message);
        if (json.Length > 12) Assert.DoesNotContain(json, ex.Message);
    }

    [Fact]
    public void EscapesAndSurrogatePairsAreDecoded()
    {
        var body = StreamRunner.Body(
            StreamRunner.ContentChunk("\"line1\\nline2 \\\"q\\\" \\\\ \\t\\u00e9\\u4f60\"")
            , StreamRunner.ContentChunk("\"\\ud83d\\ude00 😀 \\/\""),
            """{"choices":[{"index":0,"delta":{"reasoning_content":"think\u00e9 \ud83d\ude80"}}]}""");
        var run = StreamRunner.Run(body);
        Assert.Equal("line1\nline2 \"q\" \\ \té你", run.Chunks[0].Content);
        Assert.Equal("😀 😀 /", run.Chunks[1].Content);
        Assert.Equal("thinké 🚀", run.Chunks[2].ReasoningContent);
        Assert.Equal("line1\nline2 \"q\" \\ \té你😀 😀 /", run.Final!.Completion!.Content);
    }

    [Fact]
    public void NullsEverywhereAreAccepted()
    {
        var body = StreamRunner.Body(
            """{"id":null,"model":null,"created":null,"system_fingerprint":null,"choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":null,"tool_calls":null},"logprobs":null,"finish_reason":null,"usage":null}],"usage":null}""",
            """{"id":"late-id","choices":[{"index":0,"delta":null,"finish_reason":"stop"}]}""");
        var run = StreamRunner.Run(body);
        var chunk = Assert.Single(run.Chunks);
        Assert.Equal("stop", chunk.FinishReason);
        Assert.Null(chunk.Content);
        Assert.Equal("late-id", run.Final!.Completion!.Id);
        Assert.Equal("", run.Final.Completion.Content);
        Assert.Null(run.Final.Completion.ReasoningContent);
        Assert.Null(run.Final.Usage);
    }

    [Fact]
    public void PartialTextIsAvailableForAnInterruptedStream()
    {
        var sse = "data: " + StreamRunner.ContentChunk("\"Hello \"") + "\n\n"
            + """data: {"choices":[{"index":0,"delta":{"reasoning_content":"hmm"}}]}""" + "\n\n"
            + "data: " + StreamRunner.ContentChunk("\"wor");
        using var reader = new SseEventReader(PiecewiseStream.AllAtOnce(Encoding.UTF8.GetBytes(sse)), 4096);
        var decoder = new ChatStreamDecoder(null, null, StreamRunner.DefaultErrorFactory);
        var output = new List<ChatChunk>();
        while (reader.TryReadEvent(out var data)) Assert.True(decoder.Decode(data, output));
        Assert.True(reader.EndedInsideEvent);
        Assert.False(decoder.SawDone);
        Assert.Equal("Hello ", decoder.PartialContent);
        Assert.Equal("hmm", decoder.PartialReasoning);
    }

    [Fact]
    public void SteadyStateContentChunkAllocatesOnlyTheChunkAndItsText()
    {
        const int count = 10_000;
        var events = new List<(int Offset, int Length)>(count);
        var all = new List<byte>();
        for (int i = 0; i < count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(StreamRunner.ContentChunk(i % 2 == 0 ? "\" token\"" : "\"你好\""));
            events.Add((all.Count, bytes.Length));
            all.AddRange(bytes);
        }
        var buffer = all.ToArray();
        var decoder = new ChatStreamDecoder("r", null, StreamRunner.DefaultErrorFactory);
        var output = new List<ChatChunk>(count + 16);
        decoder.Decode(buffer.AsMemory(events[0].Offset, events[0].Length), output); // warm-up: id, model, builders

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < count; i++) decoder.Decode(buffer.AsMemory(events[i].Offset, events[i].Length), output);
        long perChunk = (GC.GetAllocatedBytesForCurrentThread() - before) / (count - 1);

        Assert.Equal(count, output.Count);
        Assert.True(perChunk < 400, $"{perChunk} bytes allocated per chunk");
        Console.WriteLine($"ChatStreamDecoder: {perChunk} bytes allocated per content chunk");
    }
}
