using System.Text;
using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

public sealed class StreamTests : EmulatorTest
{
    [Fact]
    public void Chunks_add_up_to_the_completion_on_the_last_chunk()
    {
        using var client = Client();
        var chunks = client.ChatStream(Ask("stream me")).ToList();
        var last = chunks[^1];
        Assert.NotNull(last.Completion);
        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.Null(c.Completion));
        Assert.Equal("Echo: stream me", string.Concat(chunks.Select(c => c.ToString())));
        Assert.Equal("Echo: stream me", last.Completion!.Content);
        Assert.Equal("Thinking about it.", string.Concat(chunks.Select(c => c.ReasoningContent)));
        Assert.Equal("stop", last.Completion.FinishReason);
        Assert.NotNull(last.Completion.Usage);
        Assert.True(chunks.Count > 4, "the answer arrives in several chunks");
        var sent = Emulator.Requests.Last().Json!.RootElement;
        Assert.True(sent.GetProperty("stream").GetBoolean());
        Assert.True(sent.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public void The_seed_transcript_decodes_to_its_text_and_usage()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Seed003Stream());
        var chunks = client.ChatStream(Ask("Hello", "kimi-k2.5")).ToList();
        var completion = chunks[^1].Completion!;
        Assert.Equal(" 你好!我能幫助 你今天嗎?", completion.Content);
        Assert.StartsWith(" 這 使用者說了「你好」", completion.ReasoningContent);
        Assert.Equal((9, 135, 144), (completion.Usage!.PromptTokens, completion.Usage.CompletionTokens, completion.Usage.TotalTokens));
        Assert.Equal("chatcmpl-952dd5e75583c4d1", completion.Id);
    }

    [Fact]
    public void Nothing_is_sent_until_enumeration_starts()
    {
        using var client = Client();
        var stream = client.ChatStream(Ask("lazy"));
        Assert.Equal(0, ChatRequests);
        using var e = stream.GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_chunk_arrives_while_the_server_is_still_generating()
    {
        using var client = Client();
        var script = EmulatorResponse.Sse(new[] { Chunk("first"), Chunk(" second") }, done: false);
        script.CutAfterBytes = Encoding.UTF8.GetByteCount("data: " + Chunk("first") + "\n\n");
        script.StallAfterCut = true;
        Emulator.Enqueue(script);
        using var cts = new CancellationTokenSource();
        using var e = client.ChatStream(Ask("live"), cts.Token).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal("first", e.Current.Content); // delivered although the server has not finished
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => e.MoveNext());
    }

    [Fact]
    public void A_cut_stream_keeps_its_partial_text()
    {
        using var client = Client();
        var script = EmulatorResponse.Chat(new ChatScript { Content = "The whole answer is long enough to cut", ChunkChars = 4 });
        script.CutAfterBytes = 900;
        Emulator.Enqueue(script);
        var received = new StringBuilder();
        var ex = Assert.Throws<KimiStreamInterruptedException>(() =>
        {
            foreach (var chunk in client.ChatStream(Ask("cut"))) received.Append(chunk.Content);
        });
        Assert.Equal(KimiErrorIds.StreamInterrupted, ex.ErrorId);
        Assert.Equal(received.ToString(), ex.PartialContent);
        Assert.NotEqual("", ex.PartialContent);
        Assert.Equal(1, ChatRequests); // a stream is never replayed once a chunk was yielded
        AssertNoKey(ex);
    }

    [Fact]
    public void End_of_stream_without_done_is_not_success()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Sse(new[] { Chunk("almost"), FinishChunk() }, done: false));
        var ex = Assert.Throws<KimiStreamInterruptedException>(() => client.ChatStream(Ask("eof")).ToList());
        Assert.Equal("almost", ex.PartialContent);
    }

    [Fact]
    public void An_error_inside_the_stream_raises_the_typed_error_with_the_text_so_far()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Sse(new[]
        {
            Chunk("risky"),
            """{"error":{"type":"content_filter","message":"The request was rejected because it was considered high risk"}}""",
        }, done: false));
        var ex = Assert.Throws<KimiApiException>(() => client.ChatStream(Ask("filter")).ToList());
        Assert.Equal(KimiErrorIds.ContentFiltered, ex.ErrorId);
        Assert.Equal("risky", ex.PartialContent);
    }

    [Fact]
    public void A_silent_stream_times_out_and_is_not_retried()
    {
        using var client = Client(o => o.StreamIdleTimeout = TimeSpan.FromSeconds(1));
        var script = EmulatorResponse.Sse(new[] { Chunk("hello") }, done: false);
        script.CutAfterBytes = Encoding.UTF8.GetByteCount("data: " + Chunk("hello") + "\n\n");
        script.StallAfterCut = true;
        Emulator.Enqueue(script);
        var ex = Assert.Throws<KimiException>(() => client.ChatStream(Ask("stall")).ToList());
        Assert.Equal(KimiErrorIds.Timeout, ex.ErrorId);
        Assert.Equal("hello", ex.PartialContent);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void Breaking_out_of_the_loop_closes_the_connection()
    {
        using var client = Client();
        var script = EmulatorResponse.Chat(new ChatScript { Content = new string('x', 400), ChunkChars = 1 });
        script.DelayBetweenWrites = TimeSpan.FromMilliseconds(5);
        Emulator.Enqueue(script);
        foreach (var chunk in client.ChatStream(Ask("stop early")))
        {
            if (chunk.Content == "x") break;
        }
        // The next call cannot reuse the abandoned connection: a new one is opened.
        client.Chat(Ask("after"));
        Assert.Equal(2, Emulator.Counters.Connections);
    }

    [Fact]
    public void A_retryable_status_before_the_first_chunk_is_retried()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.KimiError(429, "engine_overloaded_error", "The engine is currently overloaded, please try again later"));
        var chunks = client.ChatStream(Ask("retry")).ToList();
        Assert.Equal("Echo: retry", chunks[^1].Completion!.Content);
        Assert.Equal(2, ChatRequests);
    }

    [Fact]
    public void Partial_mode_prefix_is_the_first_chunk()
    {
        using var client = Client();
        var request = new ChatRequest("kimi-k2.6", ChatMessage.User("story"), new ChatMessage("assistant", "Once") { Partial = true });
        var chunks = client.ChatStream(request).ToList();
        Assert.Equal("Once", chunks[0].Content);
        Assert.Equal("Once (continued)", chunks[^1].Completion!.Content);
        Assert.Equal(chunks[^1].Completion!.Content, string.Concat(chunks.Select(c => c.Content)));
    }

    private static string Chunk(string text) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";

    private static string FinishChunk() =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
}
