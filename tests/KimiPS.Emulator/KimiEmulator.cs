using Microsoft.AspNetCore.Builder;
using KimiPS.Emulator.Server;

namespace KimiPS.Emulator;

/// <summary>
/// A Kimi-compatible HTTP server on 127.0.0.1 (random port) for tests: chat (JSON and SSE), files,
/// models, balance, token estimate and batches, with scripted faults, limits and counters.
/// It is an independent implementation of the wire and does not use KimiPS.Core.
/// </summary>
public sealed class KimiEmulator : IDisposable, IAsyncDisposable
{
    /// <summary>The key accepted by default; any other gets 401 <c>invalid_authentication_error</c>.</summary>
    public const string ApiKey = "sk-emulator-0123456789abcdef";

    private readonly EmulatorState _state;
    private readonly WebApplication _app;
    private int _disposed;

    private KimiEmulator(EmulatorState state, WebApplication app, Uri root)
    {
        _state = state;
        _app = app;
        RootUri = root;
        BaseUri = new Uri(root, "v1/");
    }

    /// <summary>Starts Kestrel and returns once it is listening.</summary>
    public static KimiEmulator Start(EmulatorOptions? options = null)
    {
        var state = new EmulatorState();
        // Off the caller's synchronization context (xunit has one), so blocking here cannot deadlock.
        var (app, root) = Task.Run(() => EmulatorHost.StartAsync(state, options?.Urls)).GetAwaiter().GetResult();
        return new KimiEmulator(state, app, root);
    }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri RootUri { get; }

    /// <summary><c>http://127.0.0.1:PORT/v1/</c>; any other first segment (e.g. <c>/kimi/</c>) works too.</summary>
    public Uri BaseUri { get; }

    public EmulatorCounters Counters => _state.Counters;

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests();

    public EmulatorLimits Limits => _state.Limits;

    /// <summary>How many files the emulator holds now: shows whether a pipeline cleaned up its uploads.</summary>
    public int FileCount => _state.Files.Count;

    /// <summary>The names of the files it holds, in upload order (as the multipart upload named them).</summary>
    public IReadOnlyList<string> FileNames => _state.Files.All().Select(f => f.FileName).ToList();

    /// <summary>Consulted when no queued response matches; a null result means default behaviour.</summary>
    public Func<RecordedRequest, EmulatorResponse?>? Handler
    {
        get => _state.Handler;
        set => _state.Handler = value;
    }

    /// <summary>
    /// The currency of the platform being imitated (CNY for .cn, USD for .ai). Kimi's balance
    /// response carries no currency, so neither does the emulator's: this states what a test expects.
    /// </summary>
    public string Currency { get; set; } = "CNY";

    /// <summary>The bearer keys accepted; by default just <see cref="ApiKey"/>. Replace or add to it before sending requests.</summary>
    public ICollection<string> AcceptedKeys
    {
        get => _state.AcceptedKeys;
        set => _state.AcceptedKeys = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// When true, the scripted model calls the first tool a request offers (arguments <c>{}</c>) whenever a
    /// user message comes last, as a real model does for a question only the tool can answer; after the
    /// tool's result it answers as usual. Off by default (a tool is then called only for <c>call:name</c>).
    /// </summary>
    public bool CallOfferedTools
    {
        get => _state.CallOfferedTools;
        set => _state.CallOfferedTools = value;
    }

    /// <summary>Every response repeats the caller's key (a header, the request id, chat answers): for tests that the key never leaks.</summary>
    public bool EchoKey
    {
        get => _state.EchoKey;
        set => _state.EchoKey = value;
    }

    /// <summary>How batches created from now on run (see <see cref="BatchScript"/>); Reset restores the default.</summary>
    public BatchScript BatchScript
    {
        get => _state.BatchScript;
        set => _state.BatchScript = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Queues a scripted response (FIFO); it answers <see cref="EmulatorResponse.Times"/> matching requests.</summary>
    public void Enqueue(EmulatorResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _state.Enqueue(response);
    }

    /// <summary>Clears the queue, recorded requests, counters, files and batches.</summary>
    public void Reset() => _state.Reset();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Task.Run(StopAsync).GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAsync().ConfigureAwait(false);
    }

    private async Task StopAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
