using System.ClientModel;
using System.Diagnostics;
using KimiPS.Core;
using KimiPS.Emulator;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Files;
using KimiChatMessage = KimiPS.Core.ChatMessage;
using ChatCompletion = KimiPS.Core.ChatCompletion;

namespace KimiPS.Benchmarks;

/// <summary>The measures that use the Kestrel emulator: connection reuse, throughput under limits, upload memory.</summary>
internal static class EmulatorMeasures
{
    private const string Model = "kimi-k2.6";

    public static void Run(Report report, bool skipUpload)
    {
        Connections(report);
        Throughput(report);
        if (!skipUpload) Upload(report);
    }

    private static KimiClient NewKimi(Uri baseUri) =>
        new(new KimiClientOptions { BaseUri = baseUri, ApiKey = KimiEmulator.ApiKey });

    private static OpenAIClientOptions SdkOptions(Uri baseUri) => new() { Endpoint = new Uri(baseUri.ToString().TrimEnd('/')) };

    private static void Connections(Report report)
    {
        const int calls = 50;
        CompareRunner.Log($"connections: {calls} sequential non-streaming chat calls per client, fresh emulator");
        using var emulator = KimiEmulator.Start();
        using var kimi = NewKimi(emulator.BaseUri);
        var sdk = new ChatClient(Model, new ApiKeyCredential(KimiEmulator.ApiKey), SdkOptions(emulator.BaseUri));

        long kimiConnections = -1, sdkConnections = -1;
        if (CompareRunner.Guard(report, "KimiPS chat calls", () =>
            {
                for (var i = 0; i < calls; i++)
                {
                    var answer = kimi.Chat(new ChatRequest(Model, KimiChatMessage.User("ping " + i)));
                    if (answer.Content?.Contains("ping " + i, StringComparison.Ordinal) != true)
                        report.Failed($"KimiPS chat call {i} got '{answer.Content}'");
                }
            }))
            kimiConnections = emulator.Counters.Connections;
        emulator.Reset();
        try
        {
            for (var i = 0; i < calls; i++) sdk.CompleteChat(new UserChatMessage("ping " + i));
            sdkConnections = emulator.Counters.Connections;
        }
        catch (Exception ex)
        {
            report.Note($"OpenAI SDK chat calls against the emulator failed: {ex.GetType().Name}: {ex.Message}");
        }
        report.Row($"TCP connections for {calls} sequential calls", N(kimiConnections), N(sdkConnections), "-", "1", kimiConnections == 1);
    }

    private static void Throughput(Report report)
    {
        const int throttle = 8, prompts = 200;
        var latency = TimeSpan.FromMilliseconds(100);
        var ideal = throttle / latency.TotalSeconds;
        CompareRunner.Log($"throughput: {prompts} prompts, ThrottleLimit {throttle}, emulator MaxConcurrency {throttle} + latency {latency.TotalMilliseconds} ms (ideal {ideal} req/s)");
        using var emulator = KimiEmulator.Start();
        emulator.Limits.MaxConcurrency = throttle;
        emulator.Limits.Latency = latency;
        using var kimi = NewKimi(emulator.BaseUri);

        List<WorkResult<string, ChatCompletion>> RunQueue(int count)
        {
            var results = new List<WorkResult<string, ChatCompletion>>(count);
            using var queue = new OrderedWorkQueue<string, ChatCompletion>(throttle,
                (prompt, ct) => kimi.Chat(new ChatRequest(Model, KimiChatMessage.User(prompt)), ct), null, CancellationToken.None,
                _ => 0, _ => { }, new PipelineDispatcher());
            for (var i = 0; i < count; i++)
            {
                queue.Add("prompt " + i);
                results.AddRange(queue.TakeReady());
            }
            results.AddRange(queue.Finish());
            return results;
        }

        List<WorkResult<string, ChatCompletion>>? results = null;
        var elapsed = TimeSpan.Zero;
        if (!CompareRunner.Guard(report, "KimiPS throughput warm-up", () => RunQueue(2 * throttle))) return;
        emulator.Reset();
        if (!CompareRunner.Guard(report, "KimiPS throughput run", () =>
            {
                var sw = Stopwatch.StartNew();
                results = RunQueue(prompts);
                elapsed = sw.Elapsed;
            }))
            return;

        var failed = results!.Count(r => !r.Succeeded);
        var rejected = emulator.Counters.RejectedByLimit;
        var maxActive = emulator.Counters.MaxActiveRequests;
        var inOrder = results!.Count == prompts && results.Select((r, i) => r.Input == "prompt " + i).All(ok => ok);
        var answersMatch = results!.All(r => !r.Succeeded || r.Value?.Content?.Contains(r.Input, StringComparison.Ordinal) == true);
        if (!inOrder) report.Failed("the work queue's results were not in input order (or some were missing).");
        if (!answersMatch) report.Failed("a work queue result did not carry its own prompt's answer.");
        var rate = prompts / elapsed.TotalSeconds;

        // Reference: the SDK has no ordered, throttled queue; Parallel.ForEach with 8 workers is the nearest plain equivalent.
        string sdkRate = "n/a";
        try
        {
            var sdk = new ChatClient(Model, new ApiKeyCredential(KimiEmulator.ApiKey), SdkOptions(emulator.BaseUri));
            Parallel.For(0, 2 * throttle, new ParallelOptions { MaxDegreeOfParallelism = throttle }, i => sdk.CompleteChat(new UserChatMessage("warm " + i)));
            emulator.Reset();
            var sw = Stopwatch.StartNew();
            var sdkFailed = 0;
            Parallel.For(0, prompts, new ParallelOptions { MaxDegreeOfParallelism = throttle }, i =>
            {
                try { sdk.CompleteChat(new UserChatMessage("prompt " + i)); }
                catch (ClientResultException) { Interlocked.Increment(ref sdkFailed); }
            });
            var sdkRejected = emulator.Counters.RejectedByLimit;
            var sdkPerSecond = prompts / sw.Elapsed.TotalSeconds;
            sdkRate = $"{sdkPerSecond:0.0}/s = {sdkPerSecond / ideal:P0} (Parallel.For, unordered; {sdkFailed} failed, {sdkRejected} 429s)";
        }
        catch (Exception ex)
        {
            report.Note($"OpenAI SDK throughput reference failed: {ex.GetType().Name}: {ex.Message}");
        }

        report.Row($"Throughput at ThrottleLimit {throttle} ({prompts} prompts; emulator concurrency {throttle}, {latency.TotalMilliseconds:0} ms)",
            $"{rate:0.0}/s = {rate / ideal:P0} of {ideal:0}/s", sdkRate, "-", ">= 90%, 0 failed", rate >= 0.9 * ideal && failed == 0);
        report.Row("Throughput: failed / 429s from the emulator / peak concurrency / in order", $"{failed} / {rejected} / {maxActive} / {(inOrder ? "yes" : "NO")}",
            "-", "-", "0 failed, in order", failed == 0 && inOrder);
        report.Note($"Throughput: KimiPS took {elapsed.TotalSeconds:0.00} s for {prompts} prompts (ideal {prompts / ideal:0.00} s).");
    }

    private static void Upload(Report report)
    {
        const long size = 100L * 1024 * 1024;
        var dir = Directory.CreateTempSubdirectory("kimips-bench-");
        try
        {
            var big = Path.Combine(dir.FullName, "upload-100mb.bin");
            var small = Path.Combine(dir.FullName, "warm-1mb.bin");
            WriteFile(big, size);
            WriteFile(small, 1024 * 1024);
            CompareRunner.Log($"upload: {size / (1024 * 1024)} MiB file, allocation delta of one upload after a 1 MiB warm-up");

            // 1. In-process emulator: the counter includes Kestrel's and the emulator's allocations.
            RunCost inProcess = default;
            using (var emulator = KimiEmulator.Start())
            using (var kimi = NewKimi(emulator.BaseUri))
            {
                if (!CompareRunner.Guard(report, "KimiPS upload (in-process emulator)", () =>
                    {
                        kimi.UploadFile(small);
                        inProcess = RunCost.Measure(() => CheckSize(report, kimi.UploadFile(big), size));
                    }))
                    return;
            }

            // 2. Emulator in its own process: the counter holds only the client's allocations.
            using var outside = OutOfProcessEmulator.TryStart(out var why);
            RunCost kimiOnly = default, kimiSmall = default, sdkOnly = default;
            string sdkCell = "n/a";
            if (outside is null)
            {
                report.Note($"Upload: out-of-process emulator unavailable ({why}); only the in-process figure is shown.");
            }
            else
            {
                using var kimi = NewKimi(outside.BaseUri);
                if (!CompareRunner.Guard(report, "KimiPS upload (out-of-process emulator)", () =>
                    {
                        kimi.UploadFile(small);
                        kimiSmall = RunCost.Measure(() => kimi.UploadFile(small));
                        kimiOnly = RunCost.Measure(() => CheckSize(report, kimi.UploadFile(big), size));
                    }))
                    return;
                try
                {
                    var files = new OpenAIFileClient(new ApiKeyCredential(KimiEmulator.ApiKey), SdkOptions(outside.BaseUri));
                    // "batch" is a purpose both Kimi and the SDK know; the SDK cannot parse a file-extract file object
                    // (its FilePurpose enum throws on the unknown value). The purpose does not change how the bytes travel.
                    var purpose = FileUploadPurpose.Batch;
                    // The SDK sends the whole body and reads the 200 answer, then fails to map Kimi's file object
                    // (status "ok" is not in its FileStatus enum). The cost up to that point is the upload's.
                    string? parseError = null;
                    void SdkUpload(string path)
                    {
                        try { files.UploadFile(path, purpose); }
                        catch (ArgumentOutOfRangeException ex) { parseError = ex.Message.Split('\n')[0]; }
                    }
                    SdkUpload(small);
                    sdkOnly = RunCost.Measure(() => SdkUpload(big));
                    sdkCell = $"{MB(sdkOnly.Allocated)} in {sdkOnly.Elapsed.TotalSeconds:0.00} s";
                    if (parseError != null)
                        report.Note($"Upload: the OpenAI SDK uploaded the whole file but then threw while mapping Kimi's file object ({parseError}); its figure covers the request up to that point.");
                }
                catch (Exception ex)
                {
                    report.Note($"OpenAI SDK upload failed: {ex.GetType().Name}: {ex.Message}");
                }
            }

            report.Row("Upload 100 MiB, managed allocation (emulator in process)", $"{MB(inProcess.Allocated)} in {inProcess.Elapsed.TotalSeconds:0.00} s",
                "-", "-", outside is null ? "< 8 MB" : "-", outside is null ? inProcess.Allocated < 8_000_000 : null);
            if (outside != null)
                report.Row("Upload 100 MiB, managed allocation (client only; emulator out of process)", $"{MB(kimiOnly.Allocated)} in {kimiOnly.Elapsed.TotalSeconds:0.00} s",
                    sdkCell, sdkOnly.Allocated > 0 ? $"{kimiOnly.Allocated / (double)sdkOnly.Allocated:0.0}x" : "-", "< 8 MB", kimiOnly.Allocated < 8_000_000);
            if (outside != null)
                report.Row("Upload: allocation growth from 1 MiB to 100 MiB (client only)",
                    $"{MB(kimiOnly.Allocated - kimiSmall.Allocated)} ({(kimiOnly.Allocated - kimiSmall.Allocated) / 99.0 / 1024:0.0} KB per MiB)", "-", "-", "-", null);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static void CheckSize(Report report, KimiFile file, long size)
    {
        if (file.Bytes != size) report.Failed($"the emulator received {file.Bytes} bytes of a {size}-byte upload.");
    }

    private static void WriteFile(string path, long size)
    {
        var block = new byte[1024 * 1024];
        new Random(42).NextBytes(block);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        for (long written = 0; written < size; written += block.Length) stream.Write(block, 0, (int)Math.Min(block.Length, size - written));
    }

    private static string MB(long bytes) => $"{bytes / 1e6:0.00} MB";
    private static string N(long value) => value < 0 ? "error" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
