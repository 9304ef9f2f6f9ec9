using System.Collections.Concurrent;
using System.Text.Json;
using KimiPS.Core;
using KimiPS.Core.Tests.Client;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Audit;

/// <summary>The core tells its observer about each HTTP request exactly once, with what the ledger and the log need.</summary>
public sealed class RequestObserverTests : EmulatorTest
{
    private sealed class Recorder(bool content = false, bool fail = false) : IKimiRequestObserver
    {
        public ConcurrentQueue<KimiRequestRecord> Records { get; } = new();
        public bool IncludeContent { get; } = content;

        public void OnRequest(KimiRequestRecord record)
        {
            Records.Enqueue(record);
            if (fail) throw new IOException("disk full");
        }
    }

    private KimiClient Observed(Recorder recorder, Action<KimiClientOptions>? configure = null) =>
        Client(o => { o.RequestObserver = recorder; configure?.Invoke(o); });

    [Fact]
    public void A_retried_chat_is_one_record_with_its_attempts_usage_and_request_id()
    {
        var recorder = new Recorder();
        using var client = Observed(recorder);
        Emulator.Enqueue(EmulatorResponse.KimiError(500, "server_error", "boom"));

        var answer = client.Chat(Ask("count me"));

        var record = Assert.Single(recorder.Records);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(200, record.StatusCode);
        Assert.Equal("emu-2", record.RequestId);
        Assert.Equal("kimi-k2.6", record.Model);
        Assert.Equal("POST", record.Method);
        Assert.Equal("chat/completions", record.Endpoint);
        Assert.Equal(answer.Usage!.TotalTokens, record.Usage!.TotalTokens);
        Assert.Equal(answer.Usage.PromptTokens, record.Usage.PromptTokens);
        Assert.Equal("stop", record.FinishReason);
        Assert.Null(record.ErrorId);
        Assert.False(record.Streamed);
        Assert.Null(record.RequestBody);
        Assert.Null(record.Answer);
    }

    [Fact]
    public void A_request_that_fails_for_good_is_one_record_with_its_error_id()
    {
        var recorder = new Recorder();
        using var client = Observed(recorder);
        var failure = EmulatorResponse.KimiError(500, "server_error", "boom");
        failure.Times = 3;
        Emulator.Enqueue(failure);

        Assert.Throws<KimiApiException>(() => client.Chat(Ask("fail")));

        var record = Assert.Single(recorder.Records);
        Assert.Equal(KimiErrorIds.ServerError, record.ErrorId);
        Assert.Equal(3, record.Attempts);
        Assert.Equal(500, record.StatusCode);
        Assert.True(record.Failed);
    }

    [Fact]
    public void A_stream_is_recorded_when_it_ends_with_the_usage_of_its_last_chunk()
    {
        var recorder = new Recorder();
        using var client = Observed(recorder);

        var chunks = client.ChatStream(Ask("stream me")).ToList();

        var record = Assert.Single(recorder.Records);
        Assert.True(record.Streamed);
        Assert.Equal(chunks[^1].Completion!.Usage!.CompletionTokens, record.Usage!.CompletionTokens);
        Assert.False(record.UsageEstimated);
        Assert.Null(record.ErrorId);
    }

    [Fact]
    public void A_stream_left_early_is_recorded_once_without_an_error()
    {
        var recorder = new Recorder();
        using var client = Observed(recorder);

        var first = client.ChatStream(Ask(string.Join(" ", Enumerable.Repeat("word", 100)))).Take(1).ToList();

        Assert.Single(first);
        var record = Assert.Single(recorder.Records);
        Assert.Null(record.ErrorId);
        Assert.True(record.Streamed);
    }

    [Fact]
    public void A_stream_cut_before_its_usage_gets_an_estimate()
    {
        var recorder = new Recorder();
        using var client = Observed(recorder);
        var cut = EmulatorResponse.Chat(new ChatScript { Content = string.Concat(Enumerable.Repeat("word ", 40)), ChunkChars = 5 });
        cut.CutAfterBytes = 600;
        Emulator.Enqueue(cut);

        Assert.Throws<KimiStreamInterruptedException>(() => client.ChatStream(Ask("cut")).ToList());

        var record = Assert.Single(recorder.Records);
        Assert.Equal(KimiErrorIds.StreamInterrupted, record.ErrorId);
        Assert.True(record.UsageEstimated);
        Assert.True(record.Usage!.CompletionTokens > 0);
        Assert.True(record.Usage.PromptTokens > 0);
    }

    [Fact]
    public void Other_endpoints_are_recorded_without_a_model()
    {
        var recorder = new Recorder();
        using var client = Observed(recorder);

        client.ListModels();

        var record = Assert.Single(recorder.Records);
        Assert.Equal("models", record.Endpoint);
        Assert.Equal("GET", record.Method);
        Assert.Null(record.Model);
        Assert.Null(record.Usage);
    }

    [Fact]
    public void Content_is_recorded_only_when_asked_and_never_carries_the_key_a_server_echoes()
    {
        var recorder = new Recorder(content: true);
        using var client = Observed(recorder);
        Emulator.EchoKey = true;

        var answer = client.Chat(Ask("my key please"));

        Assert.Contains(KimiEmulator.ApiKey, answer.Content);
        var record = Assert.Single(recorder.Records);
        Assert.Contains("my key please", record.RequestBody);
        Assert.Contains("your key", record.Answer);
        foreach (var text in new[] { record.RequestBody, record.Answer, record.RequestId })
            Assert.DoesNotContain(KimiEmulator.ApiKey.Substring(3, 10), text);
        Assert.StartsWith("emu-1-", record.RequestId);
    }

    [Fact]
    public void An_observer_that_throws_does_not_fail_the_request_but_warns()
    {
        var recorder = new Recorder(fail: true);
        using var client = Observed(recorder);

        Assert.Equal("Echo: still fine", client.Chat(Ask("still fine")).Content);

        Assert.Contains(Warnings, w => w.Contains("disk full"));
    }

    [Fact]
    public void AdditionalBody_is_merged_after_the_policy_and_AdditionalHeaders_are_sent()
    {
        using var client = Client(o => o.AdditionalHeaders = new Dictionary<string, string> { ["X-Tenant"] = "a", ["X-Keep"] = "k" });
        var request = Ask("extras");
        request.MaxTokens = 100;
        request.AdditionalBody = new Dictionary<string, object?> { ["max_tokens"] = 50, ["prompt_cache_key"] = "job", ["nested"] = new Dictionary<string, object?> { ["list"] = new List<object?> { 1, "two", null } } };
        request.AdditionalHeaders = new Dictionary<string, string> { ["X-Tenant"] = "b" };

        client.Chat(request);

        var sent = Assert.Single(Emulator.Requests);
        var body = sent.Json!.RootElement;
        Assert.Equal(50, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal("job", body.GetProperty("prompt_cache_key").GetString());
        Assert.Equal("[1,\"two\",null]", body.GetProperty("nested").GetProperty("list").GetRawText());
        Assert.Equal("b", sent.Headers["X-Tenant"]);
        Assert.Equal("k", sent.Headers["X-Keep"]);
        Assert.Equal("Bearer " + KimiEmulator.ApiKey, sent.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("Messages")]
    [InlineData("stream")]
    public void AdditionalBody_cannot_set_what_the_request_is(string field)
    {
        using var client = Client();
        var request = Ask("no");
        request.AdditionalBody = new Dictionary<string, object?> { [field] = "x" };

        var ex = Assert.Throws<KimiException>(() => client.Chat(request));

        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        Assert.Contains(field, ex.Message);
        Assert.Equal(0, ChatRequests);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("Content-Length")]
    public void AdditionalHeaders_cannot_carry_a_key_or_reframe_the_body(string header)
    {
        var request = Ask("no");
        request.AdditionalHeaders = new Dictionary<string, string> { [header] = "Bearer sk-other" };
        using var client = Client();

        var ex = Assert.Throws<KimiException>(() => client.Chat(request));
        Assert.Equal(KimiErrorIds.InvalidParameter, ex.ErrorId);
        var options = new KimiClientOptions { BaseUri = Emulator.BaseUri, ApiKey = KimiEmulator.ApiKey, AdditionalHeaders = request.AdditionalHeaders };
        Assert.Equal(KimiErrorIds.InvalidParameter, Assert.Throws<KimiException>(() => new KimiClient(options)).ErrorId);
        Assert.Equal(0, Emulator.Counters.Requests);
    }
}
