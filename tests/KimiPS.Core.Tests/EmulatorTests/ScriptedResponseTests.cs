using System.Net;
using System.Text.Json;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class ScriptedResponseTests
{
    private const string Chat = """{"model":"kimi-k2.6","messages":[{"role":"user","content":"hi"}]}""";

    [Fact]
    public async Task Seed003_replay_is_the_fixture_byte_for_byte()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.Enqueue(EmulatorResponse.Seed003Stream());

        using var response = await session.PostJsonAsync("chat/completions", Chat);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var fixture = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed003-stream.sse"));
        Assert.Equal(5993, fixture.Length);
        Assert.Equal(fixture, bytes);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_scripted_fault_answers_with_its_status_body_and_headers_then_defaults_return()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.Enqueue(EmulatorResponse.KimiError(429, "engine_overloaded_error", "The engine is currently overloaded, please try again later", ("Retry-After", "3")));

        using (var faulted = await session.PostJsonAsync("chat/completions", Chat))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, faulted.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), faulted.Headers.RetryAfter?.Delta);
            Assert.Equal("emu-1", faulted.Headers.GetValues("Msh-Request-Id").Single());
            using var doc = JsonDocument.Parse(await faulted.Content.ReadAsStringAsync());
            Assert.Equal("engine_overloaded_error", doc.RootElement.GetProperty("error").GetProperty("type").GetString());
        }

        using var next = await session.PostJsonAsync("chat/completions", Chat);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task PathContains_and_Times_select_which_requests_are_faulted()
    {
        using var session = EmulatorSession.Start();
        var fault = EmulatorResponse.GatewayError(503, "api_error", "upstream failed", successFalse: true);
        fault.PathContains = "chat";
        fault.Times = 2;
        session.Emulator.Enqueue(fault);

        using var models = await session.Http.GetAsync("models");
        using var first = await session.PostJsonAsync("chat/completions", Chat);
        using var second = await session.PostJsonAsync("chat/completions", Chat);
        using var third = await session.PostJsonAsync("chat/completions", Chat);

        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        using var doc = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("success", doc.RootElement.EnumerateObject().First().Name);
        Assert.True(Guid.TryParse(doc.RootElement.GetProperty("trace_id").GetString(), out _));
        Assert.Equal(3, session.Emulator.Counters.ChatRequests);
    }

    [Fact]
    public async Task CutAfterBytes_ends_the_stream_early()
    {
        using var session = EmulatorSession.Start();
        var full = await ReadAllAsync(session);
        var cut = EmulatorResponse.Chat(new ChatScript { Content = "A fairly long answer that streams in many pieces." });
        cut.CutAfterBytes = 300;
        session.Emulator.Enqueue(cut);

        using var response = await session.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "chat/completions") { Content = new StringContent(StreamingChat) },
            HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var error = await Record.ExceptionAsync(() => body.CopyToAsync(received));

        Assert.NotNull(error);
        Assert.Equal(300, received.Length);
        Assert.True(full.Length > 300);
        Assert.DoesNotContain("[DONE]", System.Text.Encoding.UTF8.GetString(received.ToArray()));
        // The cut closed that connection; the client's next call gets a fresh one and a whole answer.
        using var next = await session.PostJsonAsync("chat/completions", Chat);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task StallAfterCut_keeps_the_connection_open_without_sending_more()
    {
        using var session = EmulatorSession.Start();
        var stall = EmulatorResponse.Chat(new ChatScript { Content = "An answer that never finishes." });
        stall.CutAfterBytes = 100;
        stall.StallAfterCut = true;
        session.Emulator.Enqueue(stall);

        using var response = await session.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "chat/completions") { Content = new StringContent(StreamingChat) },
            HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        using var idle = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var error = await Record.ExceptionAsync(() => body.CopyToAsync(received, idle.Token));

        // Our own idle cancellation ends the read: the server neither closed nor sent anything more.
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(100, received.Length);
    }

    [Fact]
    public async Task Handler_answers_when_the_queue_is_empty_and_null_falls_back_to_defaults()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.Handler = r => r.Path.EndsWith("/models") ? EmulatorResponse.Html(504, "<html>504 Gateway Time-out</html>") : null;

        using var models = await session.Http.GetAsync("models");
        using var chat = await session.PostJsonAsync("chat/completions", Chat);

        Assert.Equal(HttpStatusCode.GatewayTimeout, models.StatusCode);
        Assert.Equal("text/html", models.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
    }

    [Fact]
    public async Task Scripted_chat_renders_the_script_with_cached_tokens_and_choices()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.Enqueue(EmulatorResponse.Chat(new ChatScript { Content = "你好😀", CachedTokens = 5, Choices = 2, ChunkChars = 1 }));

        using var response = await session.PostJsonAsync("chat/completions", StreamingChat);
        var chunks = EmulatorSession.DataEvents(await response.Content.ReadAsStringAsync()).SkipLast(1)
            .Select(e => JsonDocument.Parse(e).RootElement.GetProperty("choices")[0]).ToList();

        foreach (var index in new[] { 0, 1 })
        {
            var mine = chunks.Where(c => c.GetProperty("index").GetInt32() == index).ToList();
            Assert.Equal("你好😀", string.Concat(mine.Skip(1).Select(c => c.GetProperty("delta").TryGetProperty("content", out var t) ? t.GetString() : "")));
            Assert.Equal(5, mine[^1].GetProperty("usage").GetProperty("cached_tokens").GetInt32());
        }
    }

    private const string StreamingChat = """{"model":"kimi-k2.6","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

    private static async Task<byte[]> ReadAllAsync(EmulatorSession session)
    {
        session.Emulator.Enqueue(EmulatorResponse.Chat(new ChatScript { Content = "A fairly long answer that streams in many pieces." }));
        using var response = await session.PostJsonAsync("chat/completions", StreamingChat);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
