using System.Net;
using System.Text.Json;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class LimitAndCounterTests
{
    private const string Chat = """{"model":"kimi-k2.6","messages":[{"role":"user","content":"hi"}]}""";

    [Fact]
    public async Task Over_the_concurrency_limit_a_request_gets_429_with_after_1_seconds()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.Limits.MaxConcurrency = 1;
        using var release = new ManualResetEventSlim();
        // The handler holds the first request inside the emulator until the second has been refused.
        session.Emulator.Handler = _ => { release.Wait(TimeSpan.FromSeconds(10)); return null; };

        var first = session.PostJsonAsync("chat/completions", Chat);
        await WaitUntil(() => session.Emulator.Counters.ActiveRequests == 1);
        session.Emulator.Handler = null;
        using var second = await session.PostJsonAsync("chat/completions", Chat);
        release.Set();
        using var firstResponse = await first;

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        using var doc = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("rate_limit_reached_error", doc.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("Your account org-emu<ak-emu> request reached organization max concurrency: 1, please try again after 1 seconds",
            doc.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(1, session.Emulator.Counters.RejectedByLimit);
        Assert.Equal(1, session.Emulator.Counters.MaxActiveRequests);
        Assert.Equal(0, session.Emulator.Counters.ActiveRequests);
    }

    [Fact]
    public async Task Over_the_RPM_limit_a_request_gets_429_naming_the_wait()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.Limits.RequestsPerMinute = 2;

        using var a = await session.PostJsonAsync("chat/completions", Chat);
        using var b = await session.PostJsonAsync("chat/completions", Chat);
        using var c = await session.PostJsonAsync("chat/completions", Chat);

        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, c.StatusCode);
        Assert.Matches(@"max RPM: 2, please try again after (59|60) seconds", await c.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_sequential_requests_over_one_HttpClient_use_one_connection()
    {
        using var session = EmulatorSession.Start();

        for (var i = 0; i < 5; i++)
        {
            using var response = await session.PostJsonAsync("chat/completions", Chat);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsByteArrayAsync();
        }

        Assert.Equal(5, session.Emulator.Counters.Requests);
        Assert.Equal(1, session.Emulator.Counters.Connections);
    }

    [Fact]
    public async Task Connections_are_counted_per_client()
    {
        using var session = EmulatorSession.Start();

        for (var i = 0; i < 3; i++)
        {
            using var client = new HttpClient();
            await client.GetAsync(session.Emulator.BaseUri + "models");
        }

        Assert.Equal(3, session.Emulator.Counters.Connections);
    }

    [Fact]
    public async Task Bytes_received_count_request_bodies_and_reset_clears_everything()
    {
        using var session = EmulatorSession.Start();
        using (await session.PostJsonAsync("chat/completions", Chat)) { }

        Assert.Equal(Chat.Length, session.Emulator.Counters.BytesReceived);
        session.Emulator.Reset();

        Assert.Equal(0, session.Emulator.Counters.Requests);
        Assert.Equal(0, session.Emulator.Counters.BytesReceived);
        Assert.Empty(session.Emulator.Requests);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 10 s");
            await Task.Delay(10);
        }
    }
}
