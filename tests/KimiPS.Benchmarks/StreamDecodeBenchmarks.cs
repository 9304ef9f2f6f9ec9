using BenchmarkDotNet.Attributes;

namespace KimiPS.Benchmarks;

/// <summary>
/// Micro-benchmark of stream decoding over loopback: one request whose answer is <see cref="Chunks"/>
/// Kimi-shaped SSE chunks, consumed by KimiPS.Core and by the OpenAI .NET SDK. Not run in CI.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class StreamDecodeBenchmarks
{
    private LoopbackSseServer? _server;
    private StreamClients? _clients;
    private KimiStreamPayload? _payload;

    [Params(10_000)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = KimiStreamPayload.Build(Chunks);
        _server = new LoopbackSseServer { Responder = LoopbackSseServer.WriteAll(_payload.Bytes) };
        _clients = new StreamClients(_server.BaseUri);
        if (_clients.KimiText() != _payload.Text) throw new InvalidOperationException("KimiPS decoded different text");
        if (_clients.SdkText() != _payload.Text) throw new InvalidOperationException("the OpenAI SDK decoded different text");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients?.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "OpenAI SDK 2.15 CompleteChatStreaming")]
    public long OpenAISdk() => _clients!.SdkStream().Length;

    [Benchmark(Description = "KimiPS.Core ChatStream")]
    public long KimiPS() => _clients!.KimiStream().Length;
}
