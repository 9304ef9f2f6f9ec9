using System.Text;
using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

/// <summary>Timeouts, cancellation and partial text at the edges of an exchange.</summary>
public sealed class TransportReviewTests : EmulatorTest
{
    [Fact]
    public void An_error_body_that_stalls_is_mapped_from_its_status_not_reported_as_a_cancellation()
    {
        using var client = Client(o => { o.RequestTimeout = TimeSpan.FromSeconds(1); o.MaxRetries = 0; });
        client.Chat(Ask("warm up")); // the timeout must expire in the body, not before the status line on a cold start
        var stalled = EmulatorResponse.KimiError(500, "server_error", "the body of this error never ends");
        stalled.CutAfterBytes = 10;
        stalled.StallAfterCut = true;
        Emulator.Enqueue(stalled);
        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("stall the error")));
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(KimiErrorIds.ServerError, ex.ErrorId);
    }

    [Fact]
    public void A_malformed_chunk_after_text_keeps_the_text_so_far()
    {
        using var client = Client();
        Emulator.Enqueue(EmulatorResponse.Sse(new[] { Chunk("hello"), "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" }, done: false));
        var ex = Assert.Throws<KimiException>(() => client.ChatStream(Ask("malformed")).ToList());
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal("hello", ex.PartialContent);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void Breaking_out_of_a_stream_aborts_it_rather_than_reading_the_rest()
    {
        using var client = Client();
        // The rest of the answer would arrive quickly: a client that drains it instead of closing keeps the
        // server generating, and then reuses the connection.
        var script = EmulatorResponse.Chat(new ChatScript { Content = new string('x', 20), ChunkChars = 1 });
        script.DelayBetweenWrites = TimeSpan.FromMilliseconds(10);
        Emulator.Enqueue(script);
        foreach (var chunk in client.ChatStream(Ask("stop early")))
        {
            if (chunk.Content == "x") break;
        }
        client.Chat(Ask("after"));
        Assert.Equal(2, Emulator.Counters.Connections);
    }

    public static TheoryData<string, Action<KimiClientOptions>> BadOptions() => new()
    {
        { "RequestTimeout", o => o.RequestTimeout = TimeSpan.FromSeconds(-5) },
        { "RequestTimeout", o => o.RequestTimeout = TimeSpan.Zero },
        { "RequestTimeout", o => o.RequestTimeout = TimeSpan.FromDays(40) },
        { "StreamIdleTimeout", o => o.StreamIdleTimeout = TimeSpan.FromSeconds(-1) },
        { "StreamIdleTimeout", o => o.StreamIdleTimeout = TimeSpan.Zero },
        { "MaxEventBytes", o => o.MaxEventBytes = 0 },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Unusable_limits_are_refused_when_the_client_is_built(string parameter, Action<KimiClientOptions> spoil)
    {
        var ex = Assert.Throws<KimiException>(() => Client(spoil));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains(parameter, ex.Message);
    }

    [Fact]
    public void Infinite_timeouts_are_allowed()
    {
        using var client = Client(o => { o.RequestTimeout = Timeout.InfiniteTimeSpan; o.StreamIdleTimeout = Timeout.InfiniteTimeSpan; });
        Assert.Equal("Echo: forever", client.Chat(Ask("forever")).Content);
        Assert.Equal("Echo: forever", client.ChatStream(Ask("forever")).Last().Completion!.Content);
    }

    private static string Chunk(string text) =>
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";
}
