using System.Net.ServerSentEvents;
using System.Text.Json;
using KimiPS.Core;

namespace KimiPS.Benchmarks;

/// <summary>
/// <c>--profile</c>: where a stream's time and allocation go, phase by phase, on the same payload.
/// Each phase adds one layer: raw HTTP body, KimiPS's SSE framing, + chunk decoding, the whole ChatStream;
/// and, for reference, the SDK's framing (System.Net.ServerSentEvents) and framing + JsonDocument.
/// Medians of the measured runs; ns and bytes per content chunk.
/// </summary>
internal static class StreamBreakdown
{
    public static void Run(Report report, LoopbackSseServer server, StreamClients clients, int chunks, int reps)
    {
        var payload = KimiStreamPayload.Build(chunks);
        server.Responder = LoopbackSseServer.WriteAll(payload.Bytes);
        var http = new HttpClient();
        var buffer = new byte[16 * 1024];
        CompareRunner.Log($"profile: {chunks:N0} chunks, phase by phase, 1 warm-up + {reps} runs");

        void Phase(string name, Func<long> run, long expected)
        {
            var costs = new List<RunCost>();
            for (var r = -1; r < reps; r++)
            {
                long got = 0;
                var cost = RunCost.Measure(() => got = run());
                if (got != expected) report.Failed($"profile phase '{name}' counted {got}, expected {expected}");
                if (r >= 0) costs.Add(cost);
            }
            var ns = Stats.Median(costs.Select(c => c.Elapsed.TotalMilliseconds * 1e6 / chunks));
            var cpu = Stats.Median(costs.Select(c => c.ThreadCpu.TotalMilliseconds * 1e6 / chunks));
            var bytes = Stats.Median(costs.Select(c => c.Allocated / (double)chunks));
            report.Row($"Profile: {name}", $"{ns:0} ns wall, {cpu:0} ns thread CPU, {bytes:0.0} B per chunk", "", "", "", null);
        }

        long HttpBody()
        {
            using var response = http.GetAsync(server.BaseUri + "chat/completions", HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            using var body = response.Content.ReadAsStream();
            long total = 0;
            int read;
            while ((read = body.Read(buffer, 0, buffer.Length)) > 0) total += read;
            return total;
        }

        long KimiFraming()
        {
            using var reader = new SseEventReader(new MemoryStream(payload.Bytes, writable: false), 8 * 1024 * 1024);
            long events = 0;
            while (reader.TryReadEvent(out _)) events++;
            return events - 3; // finish, include_usage, [DONE]
        }

        long KimiDecode()
        {
            using var reader = new SseEventReader(new MemoryStream(payload.Bytes, writable: false), 8 * 1024 * 1024);
            var decoder = new ChatStreamDecoder("bench", null, _ => throw new InvalidOperationException("error event"));
            var batch = new List<ChatChunk>(4);
            long content = 0;
            while (reader.TryReadEvent(out var data))
            {
                batch.Clear();
                if (!decoder.Decode(data, batch)) break;
                foreach (var chunk in batch) if (!string.IsNullOrEmpty(chunk.Content)) content++;
            }
            return decoder.BuildCompletion().Content!.Length == payload.Text.Length ? content : -1;
        }

        long SdkFraming()
        {
            long events = 0;
            foreach (var item in SseParser.Create(new MemoryStream(payload.Bytes, writable: false), (_, bytes) => bytes.ToArray()).Enumerate())
                events++;
            return events - 3;
        }

        long SdkDocument()
        {
            long content = 0;
            foreach (var item in SseParser.Create(new MemoryStream(payload.Bytes, writable: false), (_, bytes) => bytes.ToArray()).Enumerate())
            {
                if (item.Data.AsSpan().SequenceEqual("[DONE]"u8)) break;
                using var doc = JsonDocument.Parse(item.Data);
                var choices = doc.RootElement.GetProperty("choices");
                if (choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c)
                    && c.GetString() is { Length: > 0 }) content++;
            }
            return content;
        }

        Phase("HTTP body only (HttpClient, 16 KB reads)", HttpBody, payload.Bytes.Length);
        Phase("KimiPS SSE framing (SseEventReader, MemoryStream)", KimiFraming, chunks);
        Phase("KimiPS framing + decode (ChatStreamDecoder, MemoryStream)", KimiDecode, chunks);
        Phase("KimiPS whole ChatStream (HTTP)", () => clients.KimiStream().Chunks, chunks);
        Phase("SDK-style framing (SseParser + ToArray, MemoryStream)", SdkFraming, chunks);
        Phase("SDK-style framing + JsonDocument (MemoryStream)", SdkDocument, chunks);
        Phase("SDK whole CompleteChatStreaming (HTTP)", () => clients.SdkStream().Chunks, chunks);
        http.Dispose();
    }
}
