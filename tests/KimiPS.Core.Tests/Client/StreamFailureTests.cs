using System.Text;
using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

/// <summary>
/// Every way an answer stream can fail keeps what was received in one place, the exception's PartialContent and
/// PartialReasoning (field notes part 2, D5): a cut connection, an error event, an idle timeout, a protocol error.
/// </summary>
public sealed class StreamFailureTests : EmulatorTest
{
    private static string Reasoning(string text) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"" + text + "\"},\"finish_reason\":null}]}";

    private static string Chunk(string text) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";

    private static readonly string[] Received = { Reasoning("Think. "), Chunk("Hello "), Chunk("world") };

    private static int Bytes(IEnumerable<string> events) => events.Sum(e => Encoding.UTF8.GetByteCount("data: " + e + "\n\n"));

    public static TheoryData<string, string> Kinds() => new()
    {
        { "cut", KimiErrorIds.StreamInterrupted },
        { "error event", KimiErrorIds.ServerError },
        { "idle timeout", KimiErrorIds.Timeout },
        { "protocol error", KimiErrorIds.ProtocolError },
    };

    private EmulatorResponse Failure(string kind)
    {
        switch (kind)
        {
            case "cut":
            {
                var r = EmulatorResponse.Sse(Received.Append(Chunk(" and more")), done: false);
                r.CutAfterBytes = Bytes(Received) + 20; // inside the next event
                return r;
            }
            case "error event":
                return EmulatorResponse.Sse(Received.Append("""{"error":{"type":"server_error","message":"the engine failed"}}"""), done: false);
            case "idle timeout":
            {
                var r = EmulatorResponse.Sse(Received, done: false);
                r.CutAfterBytes = Bytes(Received);
                r.StallAfterCut = true;
                return r;
            }
            default:
                return EmulatorResponse.Sse(Received.Append("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"), done: false);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_stream_failure_keeps_the_text_and_reasoning_received(string kind, string errorId)
    {
        using var client = Client(o => { o.StreamIdleTimeout = TimeSpan.FromSeconds(1); o.MaxRetries = 0; });
        Emulator.Enqueue(Failure(kind));
        var text = new StringBuilder();
        var reasoning = new StringBuilder();

        var ex = Assert.ThrowsAny<KimiException>(() =>
        {
            foreach (var chunk in client.ChatStream(Ask(kind)))
            {
                text.Append(chunk.Content);
                reasoning.Append(chunk.ReasoningContent);
            }
        });

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal("Hello world", text.ToString());
        Assert.Equal(text.ToString(), ex.PartialContent);
        Assert.Equal("Think. ", reasoning.ToString());
        Assert.Equal(reasoning.ToString(), ex.PartialReasoning);
        Assert.False(ex.Data.Contains("PartialContent")); // one place only
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_failure_before_any_text_keeps_an_empty_partial_and_a_non_stream_failure_none()
    {
        using var client = Client(o => o.MaxRetries = 0);
        Emulator.Enqueue(EmulatorResponse.Sse(new[] { """{"error":{"type":"server_error","message":"at once"}}""" }, done: false));
        var streamed = Assert.Throws<KimiApiException>(() => client.ChatStream(Ask("nothing yet")).ToList());
        Assert.Equal("", streamed.PartialContent);
        Assert.Null(streamed.PartialReasoning);

        Emulator.Enqueue(EmulatorResponse.KimiError(500, "server_error", "down"));
        var plain = Assert.Throws<KimiApiException>(() => client.Chat(Ask("no stream")));
        Assert.Null(plain.PartialContent);
    }

    [Fact]
    public void A_continuation_round_that_is_cut_keeps_the_whole_answer_so_far()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Chat(new ChatScript { Content = "The first half", FinishReason = "length", Reasoning = "Plan. " }));
        var second = EmulatorResponse.Sse(new[] { Reasoning("More. "), Chunk(" then"), Chunk(" more") }, done: false);
        Emulator.Enqueue(second);
        var request = Ask("long");
        request.AutoContinue = 1;
        var text = new StringBuilder();

        var ex = Assert.Throws<KimiStreamInterruptedException>(() =>
        {
            foreach (var chunk in client.ChatStream(request)) text.Append(chunk.Content);
        });

        Assert.Equal("The first half then more", text.ToString());
        Assert.Equal(text.ToString(), ex.PartialContent);
        Assert.Equal("Plan. More. ", ex.PartialReasoning);
    }
}
