using System.Diagnostics;
using System.Globalization;

namespace KimiPS.Benchmarks;

/// <summary>
/// <c>--compare</c>: KimiPS.Core and the OpenAI .NET SDK 2.15.0 side by side in one process, then the
/// measures that only concern KimiPS (upload memory, connection reuse, throughput under limits).
/// Prints one markdown table. Exit code 0 unless a correctness guard fails.
/// Options: <c>--chunks N</c> (default 100000), <c>--reps N</c> (default 7), <c>--warmups N</c> (default 3), <c>--latency-chunks N</c> (default 1000),
/// <c>--skip-upload</c>, <c>--only stream|latency|emulator</c>, <c>--profile</c> (adds a phase-by-phase breakdown of the stream path).
/// </summary>
internal static class CompareRunner
{
    public static int Run(string[] args)
    {
        var chunks = IntOption(args, "--chunks", 100_000);
        var reps = IntOption(args, "--reps", 7);
        var warmups = Math.Max(1, IntOption(args, "--warmups", 3));
        var latencyChunks = IntOption(args, "--latency-chunks", 1_000);
        var only = StringOption(args, "--only");
        var report = new Report();
        var total = Stopwatch.StartNew();

        if (only is null or "stream" or "latency")
        {
            using var server = new LoopbackSseServer();
            using var clients = new StreamClients(server.BaseUri);
            if (only is null or "stream") StreamDecode(report, server, clients, chunks, reps, warmups);
            if (only is null or "latency") Latency(report, server, clients, latencyChunks);
            if (Array.IndexOf(args, "--profile") >= 0) StreamBreakdown.Run(report, server, clients, chunks, reps);
        }
        if (only is null or "emulator")
        {
            EmulatorMeasures.Run(report, skipUpload: Array.IndexOf(args, "--skip-upload") >= 0);
        }

        report.Note($"Whole --compare run: {total.Elapsed.TotalSeconds:0.0} s.");
        report.Print(Console.Out);
        return report.CorrectnessFailed ? 1 : 0;
    }

    private static void StreamDecode(Report report, LoopbackSseServer server, StreamClients clients, int chunks, int reps, int warmups)
    {
        var payload = KimiStreamPayload.Build(chunks);
        server.Responder = LoopbackSseServer.WriteAll(payload.Bytes);
        Log($"stream decode: {chunks:N0} chunks, {payload.Bytes.Length / 1e6:0.0} MB per response, {warmups} warm-ups + {reps} runs each, alternating");

        // Correctness guard (also the first warm-up): both decoders must yield exactly the text that was sent.
        string kimiText = "", sdkText = "";
        Guard(report, "KimiPS stream", () => kimiText = clients.KimiText());
        Guard(report, "OpenAI SDK stream", () => sdkText = clients.SdkText());
        if (kimiText != payload.Text) report.Failed($"KimiPS decoded different text ({kimiText.Length} chars, expected {payload.Text.Length}).");
        if (sdkText != payload.Text) report.Failed($"the OpenAI SDK decoded different text ({sdkText.Length} chars, expected {payload.Text.Length}).");
        if (report.CorrectnessFailed) return;

        var kimi = new List<RunCost>();
        var sdk = new List<RunCost>();
        // Warm-ups until tiered JIT has settled: a KimiPS run is short (~50 ms), and with one warm-up its hot
        // methods were still being promoted to tier 1 during the first measured runs (124, 72, 59, 55, 51 ms).
        for (var r = -warmups; r < reps; r++)
        {
            // Alternate which client goes first so neither always runs on a just-collected heap.
            var kimiFirst = (r & 1) == 0;
            for (var side = 0; side < 2; side++)
            {
                var isKimi = (side == 0) == kimiFirst;
                ContentDigest digest = default;
                var cost = RunCost.Measure(() => digest = isKimi ? clients.KimiStream() : clients.SdkStream());
                if (!digest.SameText(payload.Digest) || digest.Chunks != payload.Chunks)
                    report.Failed($"{(isKimi ? "KimiPS" : "OpenAI SDK")} run {r}: got {digest}, expected {payload.Chunks} chunks, {payload.Digest}");
                if (r >= 0) (isKimi ? kimi : sdk).Add(cost);
                Log($"  {(r < 0 ? "warm-up" : "run " + (r + 1))} {(isKimi ? "KimiPS    " : "OpenAI SDK")} {cost.Elapsed.TotalMilliseconds,8:0.0} ms " +
                    $"{chunks / cost.Elapsed.TotalSeconds,12:N0} chunks/s {cost.ThreadCpu.TotalMilliseconds * 1e6 / chunks,6:0} thread / {cost.Cpu.TotalMilliseconds * 1e6 / chunks,6:0} process CPU ns/chunk {cost.Allocated / (double)chunks,8:0.0} B/chunk gen0 {cost.Gen0}");
            }
        }

        double Rate(List<RunCost> runs) => Stats.Median(runs.Select(c => chunks / c.Elapsed.TotalSeconds));
        double PerChunk(List<RunCost> runs) => Stats.Median(runs.Select(c => c.Allocated / (double)chunks));
        double CpuNs(List<RunCost> runs) => Stats.Median(runs.Select(c => c.ThreadCpu.TotalMilliseconds * 1e6 / chunks));
        double Gen0(List<RunCost> runs) => Stats.Median(runs.Select(c => (double)c.Gen0));
        var (kRate, sRate, kBytes, sBytes) = (Rate(kimi), Rate(sdk), PerChunk(kimi), PerChunk(sdk));
        var mbps = payload.Bytes.Length / 1e6;
        report.Row($"Stream decode, chunks/s ({chunks:N0} chunks, median of {reps})", Report.F(kRate), Report.F(sRate),
            $"{kRate / sRate:0.00}x", "-", null);
        report.Row("Stream decode, MB/s of SSE", Report.F(kRate * mbps / chunks, "0.0"), Report.F(sRate * mbps / chunks, "0.0"),
            $"{kRate / sRate:0.00}x", "-", null);
        var (kCpu, sCpu) = (CpuNs(kimi), CpuNs(sdk));
        if (kCpu > 0)
            report.Row("Stream decode, CPU time of the consuming thread per chunk", $"{kCpu:0} ns", $"{sCpu:0} ns",
                $"{sCpu / kCpu:0.00}x less", ">= 5x less", sCpu >= 5 * kCpu);
        report.Row("Stream decode, bytes allocated per chunk", Report.F(kBytes, "0.0"), Report.F(sBytes, "0.0"),
            $"1/{sBytes / kBytes:0.0}", "<= 1/8 of SDK", kBytes * 8 <= sBytes);
        report.Row("Stream decode, gen0 GCs per run", Report.F(Gen0(kimi), "0"), Report.F(Gen0(sdk), "0"), "-", "-", null);
        report.Note($"Stream decode: one HTTP/1.1 response of {payload.Bytes.Length:N0} bytes ({payload.Bytes.Length / chunks} bytes/chunk) from an in-process " +
                    "raw-socket server written in 64 KB sends; allocation is GC.GetTotalAllocatedBytes(precise) over the whole call " +
                    "(request, headers, decoding, the client's own answer accumulation), divided by the content chunks.");
    }

    private static void Latency(Report report, LoopbackSseServer server, StreamClients clients, int count)
    {
        var (events, trailer) = KimiStreamPayload.BuildNumbered(count);
        var flushed = new long[count];
        const int pauseMs = 2;
        var send = count;
        server.Responder = socket =>
        {
            for (var i = 0; i < send; i++)
            {
                LoopbackSseServer.SendAll(socket, events[i], 0, events[i].Length);
                flushed[i] = Stopwatch.GetTimestamp();
                Thread.Sleep(pauseMs);
            }
            LoopbackSseServer.SendAll(socket, trailer, 0, trailer.Length);
        };
        Log($"latency: {count:N0} chunks, one send each, {pauseMs} ms pause between sends");

        (double Median, double P99, double Max, int Missing) Measure(Action<long[]> consume, int n)
        {
            send = n;
            var yielded = new long[count];
            Array.Clear(flushed);
            consume(yielded);
            var deltas = new List<double>(count);
            var missing = 0;
            for (var i = 0; i < n; i++)
            {
                if (yielded[i] == 0 || flushed[i] == 0) { missing++; continue; }
                deltas.Add((yielded[i] - flushed[i]) * 1000.0 / Stopwatch.Frequency);
            }
            return (Stats.Median(deltas), Stats.Percentile(deltas, 0.99), deltas.Count == 0 ? double.NaN : deltas.Max(), missing);
        }

        (double Median, double P99, double Max, int Missing) k = default, s = default;
        // A short warm-up of each side first, so the measured run does not include JIT of the wait-for-data paths.
        var warm = Guard(report, "KimiPS latency warm-up", () => Measure(clients.KimiStamps, 100))
                 & Guard(report, "OpenAI SDK latency warm-up", () => Measure(clients.SdkStamps, 100));
        if (!warm || !Guard(report, "KimiPS latency run", () => k = Measure(clients.KimiStamps, count))
                  || !Guard(report, "OpenAI SDK latency run", () => s = Measure(clients.SdkStamps, count)))
            return;
        if (k.Missing > 0) report.Failed($"KimiPS latency run: {k.Missing} numbered chunks were not yielded.");
        if (s.Missing > 0) report.Failed($"OpenAI SDK latency run: {s.Missing} numbered chunks were not yielded.");
        Log($"  KimiPS median {k.Median:0.000} ms p99 {k.P99:0.000} ms max {k.Max:0.000} ms; SDK median {s.Median:0.000} ms p99 {s.P99:0.000} ms max {s.Max:0.000} ms");
        report.Row($"Flush-to-yield latency, median ({count:N0} chunks, {pauseMs} ms apart)", $"{k.Median:0.000} ms", $"{s.Median:0.000} ms",
            $"{k.Median / s.Median:0.00}x", "<= 5 ms", k.Median <= 5);
        report.Row("Flush-to-yield latency, p99", $"{k.P99:0.000} ms", $"{s.P99:0.000} ms", $"{k.P99 / s.P99:0.00}x", "<= 5 ms", k.P99 <= 5);
        report.Row("Flush-to-yield latency, max", $"{k.Max:0.000} ms", $"{s.Max:0.000} ms", "-", "-", null);
    }

    /// <summary>Runs a client-side step; an exception is a correctness failure, reported with its type and message.</summary>
    internal static bool Guard(Report report, string what, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception ex)
        {
            report.Failed($"{what} threw {ex.GetType().Name}: {ex.Message}");
            Log($"  {what} threw {ex}");
            return false;
        }
    }

    internal static void Log(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
