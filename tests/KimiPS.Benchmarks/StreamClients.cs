using System.ClientModel;
using KimiPS.Core;
using OpenAI;
using OpenAI.Chat;
using KimiChatMessage = KimiPS.Core.ChatMessage;
using SdkChatMessage = OpenAI.Chat.ChatMessage;

namespace KimiPS.Benchmarks;

/// <summary>The two clients under test, each pointed at the same endpoint, and the loops that consume a stream.</summary>
internal sealed class StreamClients : IDisposable
{
    public const string BenchKey = "sk-bench-0123456789abcdef";
    private static readonly SdkChatMessage[] SdkMessages = { new UserChatMessage("bench") };

    public StreamClients(Uri baseUri, string apiKey = BenchKey)
    {
        Kimi = new KimiClient(new KimiClientOptions { BaseUri = baseUri, ApiKey = apiKey });
        // OpenAIClientOptions.Endpoint takes the root without the trailing slash, like https://api.openai.com/v1.
        Sdk = new ChatClient(KimiStreamPayload.Model, new ApiKeyCredential(apiKey),
            new OpenAIClientOptions { Endpoint = new Uri(baseUri.ToString().TrimEnd('/')) });
    }

    public KimiClient Kimi { get; }
    public ChatClient Sdk { get; }

    /// <summary>KimiPS: iterate <see cref="KimiClient.ChatStream"/> and fold every chunk's Content.</summary>
    public ContentDigest KimiStream()
    {
        var digest = ContentDigest.Start();
        foreach (var chunk in Kimi.ChatStream(new ChatRequest(KimiStreamPayload.Model, KimiChatMessage.User("bench"))))
            digest.Add(chunk.Content);
        return digest;
    }

    /// <summary>OpenAI SDK: iterate CompleteChatStreaming and fold every update's ContentUpdate text.</summary>
    public ContentDigest SdkStream()
    {
        var digest = ContentDigest.Start();
        foreach (var update in Sdk.CompleteChatStreaming(SdkMessages))
        {
            var parts = update.ContentUpdate;
            for (var i = 0; i < parts.Count; i++) digest.Add(parts[i].Text);
        }
        return digest;
    }

    /// <summary>The full text, for the correctness guard (not measured).</summary>
    public string KimiText()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var chunk in Kimi.ChatStream(new ChatRequest(KimiStreamPayload.Model, KimiChatMessage.User("bench"))))
            sb.Append(chunk.Content);
        return sb.ToString();
    }

    public string SdkText()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var update in Sdk.CompleteChatStreaming(SdkMessages))
            foreach (var part in update.ContentUpdate) sb.Append(part.Text);
        return sb.ToString();
    }

    /// <summary>Records <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the chunk numbered n ("#n ") is yielded.</summary>
    public void KimiStamps(long[] yielded)
    {
        foreach (var chunk in Kimi.ChatStream(new ChatRequest(KimiStreamPayload.Model, KimiChatMessage.User("bench"))))
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (chunk.Content is { } c && Sequence(c) is var n and >= 0) yielded[n] = now;
        }
    }

    public void SdkStamps(long[] yielded)
    {
        foreach (var update in Sdk.CompleteChatStreaming(SdkMessages))
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            var parts = update.ContentUpdate;
            if (parts.Count > 0 && Sequence(parts[0].Text) is var n and >= 0) yielded[n] = now;
        }
    }

    private static int Sequence(string content)
    {
        if (content.Length < 2 || content[0] != '#') return -1;
        var n = 0;
        for (var i = 1; i < content.Length && content[i] is >= '0' and <= '9'; i++) n = n * 10 + (content[i] - '0');
        return n;
    }

    public void Dispose() => Kimi.Dispose();
}
