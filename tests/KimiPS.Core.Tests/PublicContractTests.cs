using System.Net;
using System.Reflection;
using KimiPS.Core;

namespace KimiPS.Core.Tests;

/// <summary>
/// DESIGN.md §3.1: these names are used by code outside this repository. This file compiles against
/// each of them exactly as written there (a renamed member or a changed signature breaks the build),
/// and checks the shape that compilation cannot (sealed, public, inheritance).
/// </summary>
public sealed class PublicContractTests
{
    [Fact]
    public void Options_and_endpoints()
    {
        var options = new KimiClientOptions();
        Assert.Equal(KimiEndpoints.China, options.BaseUri);
        Assert.Equal(new Uri("https://api.moonshot.cn/v1/"), KimiEndpoints.China);
        Assert.Equal(new Uri("https://api.moonshot.ai/v1/"), KimiEndpoints.Global);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(600), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(120), options.StreamIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(120), options.MaxRetryDelay);
        string? key = options.ApiKey;
        IWebProxy? proxy = options.Proxy;
        Assert.Null(key);
        Assert.Null(proxy);
    }

    [Fact]
    public void Client_methods_have_the_documented_signatures()
    {
        using var client = new KimiClient(new KimiClientOptions());
        Func<ChatRequest, CancellationToken, ChatCompletion> chat = client.Chat;
        Func<ChatRequest, CancellationToken, IEnumerable<ChatChunk>> stream = client.ChatStream;
        Func<ChatRequest, CancellationToken, Task<ChatCompletion>> chatAsync = client.ChatAsync;
        Func<string, string, IProgress<long>?, CancellationToken, KimiFile> upload = client.UploadFile;
        Func<CancellationToken, IReadOnlyList<KimiFile>> listFiles = client.ListFiles;
        Func<string, CancellationToken, KimiFile> getFile = client.GetFile;
        Action<string, CancellationToken> deleteFile = client.DeleteFile;
        Func<string, CancellationToken, string> content = client.GetFileContent;
        Func<CancellationToken, IReadOnlyList<KimiModel>> models = client.ListModels;
        Func<CancellationToken, KimiBalance> balance = client.GetBalance;
        Func<ChatRequest, CancellationToken, int> estimate = client.EstimateTokenCount;
        Assert.All(new Delegate[] { chat, stream, chatAsync, upload, listFiles, getFile, deleteFile, content, models, balance, estimate }, Assert.NotNull);

        // Default arguments as documented: purpose "file-extract", progress null, ct default.
        var uploadMethod = typeof(KimiClient).GetMethod(nameof(KimiClient.UploadFile))!;
        Assert.Equal("file-extract", uploadMethod.GetParameters()[1].DefaultValue);
        Assert.All(typeof(KimiClient).GetMethods().Where(m => m.DeclaringType == typeof(KimiClient)).SelectMany(m => m.GetParameters())
            .Where(p => p.ParameterType == typeof(CancellationToken)), p => Assert.True(p.IsOptional, p.Member.Name));
    }

    [Fact]
    public void Request_message_and_answer_members()
    {
        var request = new ChatRequest { Model = "kimi-k2.6", Messages = new List<ChatMessage> { ChatMessage.System("s"), ChatMessage.User("u"), ChatMessage.Assistant("a") } };
        request.Temperature = 0.5; request.TopP = 0.9; request.MaxTokens = 10; request.N = 1;
        var message = request.Messages[2];
        (string role, string? text, string? reasoning) = (message.Role, message.Content, message.ReasoningContent);
        Assert.Equal(("assistant", "a", null), (role, text, reasoning));

        var completion = new ChatCompletion();
        (string id, string model) = (completion.Id, completion.Model);
        (string? c, string? r, string? f, ChatUsage? u, string? requestId) = (completion.Content, completion.ReasoningContent, completion.FinishReason, completion.Usage, completion.RequestId);
        IReadOnlyList<ChatChoice> choices = completion.Choices;
        IReadOnlyList<ToolCall> calls = completion.ToolCalls;
        var chunk = new ChatChunk();
        (int index, string? delta, string? rd, string? fr, ChatUsage? cu, ChatCompletion? whole) = (chunk.ChoiceIndex, chunk.Content, chunk.ReasoningContent, chunk.FinishReason, chunk.Usage, chunk.Completion);
        var usage = new ChatUsage();
        (int p, int ct, int t, int cached) = (usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens, usage.CachedTokens);
        var file = new KimiFile();
        (string fid, string name, long bytes, string purpose, string? status, DateTimeOffset created) = (file.Id, file.FileName, file.Bytes, file.Purpose, file.Status, file.CreatedAt);
        var kimiModel = new KimiModel();
        (string mid, long? ctx, bool img, bool vid, bool reasons) = (kimiModel.Id, kimiModel.ContextLength, kimiModel.SupportsImageIn, kimiModel.SupportsVideoIn, kimiModel.SupportsReasoning);
        var money = new KimiBalance();
        (decimal available, decimal voucher, decimal cash, string currency) = (money.AvailableBalance, money.VoucherBalance, money.CashBalance, money.Currency);
        Assert.Equal("", id + model + (c ?? "") + (r ?? "") + (f ?? "") + (requestId ?? "") + (delta ?? "") + (rd ?? "") + (fr ?? "") + fid + name + purpose + (status ?? "") + mid + currency);
        Assert.Empty(choices);
        Assert.Empty(calls);
        Assert.Null(u);
        Assert.Null(cu);
        Assert.Null(whole);
        Assert.Equal(0, index + p + ct + t + cached + bytes + (ctx ?? 0) + available + voucher + cash);
        Assert.False(img || vid || reasons);
        Assert.Equal(default, created);
    }

    [Fact]
    public void Exceptions()
    {
        KimiException api = new KimiApiException("KimiServerError", "ResourceUnavailable", "m", null, 500);
        var apiException = (KimiApiException)api;
        (int status, string? type, string? code, string? rid, TimeSpan? after, int attempts) =
            (apiException.StatusCode, apiException.ErrorType, apiException.ErrorCode, apiException.RequestId, apiException.RetryAfter, apiException.Attempts);
        Assert.Equal((500, null, null, null, null, 1), (status, type, code, rid, after, attempts));
        (string errorId, string category, string? action) = (api.ErrorId, api.Category, api.RecommendedAction);
        Assert.Equal(("KimiServerError", "ResourceUnavailable", null), (errorId, category, action));
        KimiException cut = new KimiStreamInterruptedException("m", "partial", null);
        var interrupted = (KimiStreamInterruptedException)cut;
        string partial = interrupted.PartialContent;
        string? partialReasoning = interrupted.PartialReasoning;
        Assert.Equal(("partial", null), (partial, partialReasoning));
    }

    [Fact]
    public void Shapes_compilation_cannot_check()
    {
        foreach (var type in new[] { typeof(KimiClientOptions), typeof(KimiClient), typeof(ChatRequest), typeof(ChatMessage), typeof(ChatCompletion),
                     typeof(ChatChunk), typeof(ChatUsage), typeof(KimiFile), typeof(KimiModel), typeof(KimiBalance), typeof(KimiStreamInterruptedException) })
        {
            Assert.True(type.IsPublic && type.IsSealed, type.Name + " is public and sealed");
        }
        Assert.True(typeof(KimiEndpoints).IsAbstract && typeof(KimiEndpoints).IsSealed, "KimiEndpoints is static");
        Assert.False(typeof(KimiException).IsSealed);
        Assert.False(typeof(KimiApiException).IsSealed);
        Assert.True(typeof(IDisposable).IsAssignableFrom(typeof(KimiClient)));
        Assert.Equal("KimiPS.Core", typeof(KimiClient).Namespace);
        Assert.Equal(typeof(ChatChunk), typeof(ChatChunk).GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!.DeclaringType);
    }
}
