using System.Diagnostics;
using System.Reflection;
using KimiPS.Core;

namespace KimiPS.Mono.Tests;

/// <summary>The client on the .NET Framework code paths: chat, streams, retries, timeouts, cancellation.</summary>
public static class ClientTests
{
    private const string Model = "kimi-k2.6";

    internal static KimiClient NewClient(Action<KimiClientOptions>? configure = null)
    {
        var options = new KimiClientOptions
        {
            BaseUri = TestRunner.Emulator.BaseUri,
            ApiKey = Emulator.ApiKey,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return new KimiClient(options);
    }

    internal static ChatRequest Ask(string text) => new(Model, ChatMessage.User(text));

    private static string LongAnswer => string.Concat(Enumerable.Range(0, 200).Select(i => $"word{i} "));

    [MonoTest]
    public static void The_core_takes_the_net_framework_code_paths()
    {
        var runtime = typeof(KimiClient).Assembly.GetType("KimiPS.Core.Runtime", throwOnError: true)!;
        var isFramework = (bool)runtime.GetProperty("IsNetFramework", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Check.True(isFramework, "Runtime.IsNetFramework on Mono, so the HttpWebRequest-based handler, ServicePointManager and the environment proxy are exercised");
    }

    [MonoTest]
    public static void Chat_answers()
    {
        using var client = NewClient();
        var answer = client.Chat(Ask("hello from mono"));
        Check.Equal("Echo: hello from mono", answer.Content, "content");
        Check.True(answer.Usage is { TotalTokens: > 0 }, "usage is read");
    }

    [MonoTest]
    public static void Chat_async_answers()
    {
        using var client = NewClient();
        Check.Equal("Echo: async", client.ChatAsync(Ask("async")).GetAwaiter().GetResult().Content, "content");
    }

    [MonoTest]
    public static void Stream_yields_chunks_and_the_whole_completion_last()
    {
        using var client = NewClient();
        var chunks = client.ChatStream(Ask("stream on mono")).ToList();
        Check.True(chunks.Count > 2, "several chunks");
        Check.Equal("Echo: stream on mono", string.Concat(chunks.Select(c => c.Content)), "the chunks' text");
        Check.Equal("Echo: stream on mono", chunks[chunks.Count - 1].Completion?.Content, "the last chunk's Completion");
    }

    [MonoTest]
    public static void A_cut_stream_keeps_its_partial_text()
    {
        TestRunner.Emulator.Enqueue($"{{\"chat\":{{\"content\":\"{LongAnswer}\"}},\"cutAfterBytes\":600,\"pathContains\":\"chat\"}}");
        using var client = NewClient();
        var received = "";
        var error = Check.Throws<KimiStreamInterruptedException>(() =>
        {
            foreach (var chunk in client.ChatStream(Ask("cut me"))) received += chunk.Content;
        }, "a stream cut before [DONE]");
        Check.True(received.Length > 0 && LongAnswer.StartsWith(received, StringComparison.Ordinal), "text arrived before the cut");
        Check.Equal(received, error.PartialContent, "PartialContent is what arrived");
        Check.Equal("KimiStreamInterrupted", error.ErrorId, "ErrorId");
    }

    [MonoTest]
    public static void A_stalled_stream_times_out_and_keeps_its_partial_text()
    {
        TestRunner.Emulator.Enqueue($"{{\"chat\":{{\"content\":\"{LongAnswer}\"}},\"cutAfterBytes\":600,\"stallAfterCut\":true,\"pathContains\":\"chat\"}}");
        using var client = NewClient(o => o.StreamIdleTimeout = TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        var received = "";
        var error = Check.Throws<KimiException>(() =>
        {
            foreach (var chunk in client.ChatStream(Ask("stall"))) received += chunk.Content;
        }, "a stalled stream");
        Check.Equal("KimiTimeout", error.ErrorId, "ErrorId");
        Check.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the idle timeout ends the read (took {clock.Elapsed})");
        Check.True(received.Length > 0, "text arrived before the stall");
        Check.Equal(received, error.PartialContent, "PartialContent");
    }

    [MonoTest]
    public static void Cancelling_a_stream_closes_its_connection()
    {
        TestRunner.Emulator.Enqueue($"{{\"chat\":{{\"content\":\"{LongAnswer}\",\"chunkChars\":4}},\"delayBetweenWritesMs\":50,\"pathContains\":\"chat\"}}");
        using var client = NewClient();
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        Check.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in client.ChatStream(Ask("cancel me"), cancel.Token))
            {
                if (++seen == 3) cancel.Cancel();
            }
        }, "a cancelled stream");
        Check.True(Check.Eventually(() => TestRunner.Emulator.Counter("activeRequests") == 0, TimeSpan.FromSeconds(5)),
            "the server sees the request end within 5 s (the connection is closed, not drained)");
    }

    [MonoTest]
    public static void A_500_is_retried_and_the_answer_arrives()
    {
        TestRunner.Emulator.Enqueue("{\"status\":500,\"type\":\"server_error\",\"message\":\"boom\",\"pathContains\":\"chat\"}");
        using var client = NewClient();
        Check.Equal("Echo: again", client.Chat(Ask("again")).Content, "content after the retry");
        Check.Equal(2L, TestRunner.Emulator.Counter("chatRequests"), "chat requests");
    }

    [MonoTest]
    public static void The_server_wait_of_a_429_is_honoured()
    {
        TestRunner.Emulator.Enqueue("{\"status\":429,\"type\":\"rate_limit_reached_error\",\"message\":\"slow down\",\"headers\":{\"Retry-After\":\"1\"},\"pathContains\":\"chat\"}");
        using var client = NewClient();
        var clock = Stopwatch.StartNew();
        Check.Equal("Echo: later", client.Chat(Ask("later")).Content, "content after the wait");
        Check.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited the server's 1 s (took {clock.Elapsed})");
    }

    [MonoTest]
    public static void A_quota_error_is_never_retried()
    {
        TestRunner.Emulator.Enqueue("{\"status\":429,\"type\":\"exceeded_current_quota_error\",\"message\":\"no money\",\"times\":5,\"pathContains\":\"chat\"}");
        using var client = NewClient();
        var error = Check.Throws<KimiApiException>(() => client.Chat(Ask("pay")), "quota");
        Check.Equal("KimiQuotaExceeded", error.ErrorId, "ErrorId");
        Check.Equal(1L, TestRunner.Emulator.Counter("chatRequests"), "chat requests");
    }

    [MonoTest]
    public static void A_slow_answer_hits_the_request_timeout()
    {
        TestRunner.Emulator.Enqueue("{\"chat\":{\"content\":\"late\"},\"delayMs\":20000,\"pathContains\":\"chat\"}");
        using var client = NewClient(o => { o.RequestTimeout = TimeSpan.FromSeconds(1); o.MaxRetries = 0; });
        var clock = Stopwatch.StartNew();
        var error = Check.Throws<KimiException>(() => client.Chat(Ask("slow")), "a slow answer");
        Check.Equal("KimiTimeout", error.ErrorId, "ErrorId");
        Check.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the timeout ends the wait (took {clock.Elapsed})");
    }

    [MonoTest]
    public static void Sequential_calls_reuse_one_connection()
    {
        using var client = NewClient();
        client.Chat(Ask("warm up"));
        var before = TestRunner.Emulator.Counter("connections");
        for (var i = 0; i < 20; i++) client.Chat(Ask("call " + i));
        Check.Equal(before, TestRunner.Emulator.Counter("connections"), "connections opened by 20 more calls");
    }

    [MonoTest]
    public static void A_wrong_key_is_KimiAuthenticationFailed_and_never_shown()
    {
        const string key = "sk-mono-wrong-key-0000000000000000";
        using var client = NewClient(o => o.ApiKey = key);
        var error = Check.Throws<KimiApiException>(() => client.Chat(Ask("who am i")), "a wrong key");
        Check.Equal("KimiAuthenticationFailed", error.ErrorId, "ErrorId");
        Check.Equal(401, error.StatusCode, "StatusCode");
        Check.True(!error.ToString().Contains("wrong-key-0000"), "the key is not in the error");
    }
}
