using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

/// <summary>What a hostile or broken server (or a proxy in front of it) can send back, and what the client makes of it.</summary>
public sealed class HostileServerTests : EmulatorTest
{
    private const int Limit = 1024 * 1024;

    [Fact]
    public void An_endless_body_fails_as_a_protocol_error_at_the_limit_and_is_not_retried()
    {
        Emulator.Enqueue(EmulatorResponse.Repeated(" ")); // whitespace is a valid JSON prefix: only the size can stop it
        using var client = Client(o => o.MaxResponseBytes = Limit);

        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("x")));

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal(KimiErrorCategories.ProtocolError, ex.Category);
        Assert.Contains("1 MiB", ex.Message);
        Assert.Contains("MaxResponseBytes", ex.Message);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void The_default_limit_stops_an_endless_body_too()
    {
        Assert.Equal(32 * 1024 * 1024, new KimiClientOptions().MaxResponseBytes);
        Emulator.Enqueue(EmulatorResponse.Repeated(" "));
        using var client = Client();

        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("x")));

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Contains("32 MiB", ex.Message);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_declared_length_over_the_limit_fails_before_the_body_is_read()
    {
        Emulator.Enqueue(EmulatorResponse.Repeated(" ", totalBytes: 4L * 1024 * 1024 * 1024));
        using var client = Client(o => o.MaxResponseBytes = Limit);

        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("x")));

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Contains("4096 MiB", ex.Message);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_body_within_the_limit_is_read()
    {
        // 300 KiB of leading whitespace, then a real answer: under a 1 MiB limit.
        Emulator.Enqueue(EmulatorResponse.Json(200, new string(' ', 300 * 1024) + """{"id":"c","model":"kimi-k2.6","choices":[{"index":0,"message":{"role":"assistant","content":"fine"},"finish_reason":"stop"}]}"""));
        using var client = Client(o => o.MaxResponseBytes = Limit);

        Assert.Equal("fine", client.Chat(Ask("x")).Content);
    }

    [Fact]
    public void Other_buffered_answers_are_bounded_too()
    {
        Emulator.Enqueue(EmulatorResponse.Repeated(" "));
        using var client = Client(o => o.MaxResponseBytes = Limit);

        var ex = Assert.Throws<KimiException>(() => client.ListModels());

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal(1, Emulator.Counters.Requests);
    }

    [Fact]
    public void An_endless_error_body_is_cut_and_the_status_still_decides()
    {
        Emulator.Enqueue(EmulatorResponse.Repeated("x", status: 403));
        using var client = Client();

        var ex = Assert.Throws<KimiApiException>(() => client.Chat(Ask("x")));

        Assert.Equal(403, ex.StatusCode);
        Assert.True(ex.Message.Length < 70 * 1024, $"the error message is {ex.Message.Length} characters");
    }

    [Fact]
    public void Choices_empty_in_a_200_answer_is_a_protocol_error()
    {
        Emulator.Enqueue(EmulatorResponse.Json(200, """{"id":"c","model":"kimi-k2.6","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":0,"total_tokens":1}}"""));
        using var client = Client();

        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("x")));

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Contains("no choices", ex.Message);
        Assert.Equal(1, ChatRequests);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public void A_redirect_to_another_origin_is_not_followed_and_nothing_reaches_it(int status)
    {
        using var other = KimiEmulator.Start();
        Emulator.Enqueue(EmulatorResponse.Json(status, "", ("Location", new Uri(other.BaseUri, "chat/completions").ToString())));
        using var client = Client();

        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("the secret prompt")));

        Assert.Equal(0, other.Counters.Requests);
        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Contains(other.RootUri.GetLeftPart(UriPartial.Authority), ex.Message);
        Assert.Contains("BaseUri", ex.RecommendedAction);
        Assert.Equal(1, ChatRequests);
    }

    [Fact]
    public void A_redirect_to_plain_http_of_a_remote_host_is_refused()
    {
        Emulator.Enqueue(EmulatorResponse.Json(307, "", ("Location", "http://example.com/v1/chat/completions")));
        using var client = Client();

        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("x")));

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Contains("http://example.com", ex.Message);
    }

    [Fact]
    public void A_redirect_within_the_same_origin_is_followed_with_the_body()
    {
        Emulator.Enqueue(EmulatorResponse.Json(307, "", ("Location", new Uri(Emulator.RootUri, "kimi/chat/completions").ToString())));
        using var client = Client();

        var answer = client.Chat(Ask("moved"));

        Assert.Equal("Echo: moved", answer.Content);
        Assert.Equal(2, ChatRequests);
        Assert.EndsWith("/kimi/chat/completions", Emulator.Requests.Last().Path);
    }

    [Fact]
    public void A_redirect_loop_ends()
    {
        Emulator.Enqueue(new Func<EmulatorResponse>(() =>
        {
            var r = EmulatorResponse.Json(307, "", ("Location", new Uri(Emulator.BaseUri, "chat/completions").ToString()));
            r.Times = 100;
            return r;
        })());
        using var client = Client();

        var ex = Assert.Throws<KimiException>(() => client.Chat(Ask("x")));

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.True(ChatRequests <= 6, $"{ChatRequests} requests");
    }

    [Fact]
    public void A_stream_is_not_redirected_to_another_origin_either()
    {
        using var other = KimiEmulator.Start();
        Emulator.Enqueue(EmulatorResponse.Json(307, "", ("Location", new Uri(other.BaseUri, "chat/completions").ToString())));
        using var client = Client();

        var ex = Assert.Throws<KimiException>(() => client.ChatStream(Ask("x")).ToList());

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        Assert.Equal(0, other.Counters.Requests);
    }
}
