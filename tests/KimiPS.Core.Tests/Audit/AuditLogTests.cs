using System.Text.Json;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kimips-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private static KimiRequestRecord Record(int i, string body) => new()
    {
        Time = DateTimeOffset.UtcNow, RequestId = "r-" + i, Model = "kimi-k2.6", Method = "POST", Endpoint = "chat/completions",
        StatusCode = 200, Attempts = 1, Duration = TimeSpan.FromMilliseconds(12.34), Usage = new ChatUsage { PromptTokens = 3, CompletionTokens = 4, TotalTokens = 7 },
        FinishReason = "stop", RequestBody = body, Answer = "answer " + i,
    };

    [Fact]
    public void Writers_on_many_threads_and_two_logs_of_one_file_never_interleave_lines()
    {
        var logs = new[] { new AuditLog(_path, includeContent: true), new AuditLog(_path, includeContent: true) };
        var body = new string('x', 40_000); // far above any write buffer
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => logs[i % 2].Write(Record(i, body), "conn"));

        var lines = File.ReadAllLines(_path);
        Assert.Equal(400, lines.Length);
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("requestId").GetString()).ToHashSet();
        Assert.Equal(400, ids.Count);
    }

    [Fact]
    public void A_line_has_the_fields_and_content_only_with_IncludeContent()
    {
        new AuditLog(_path, includeContent: false).Write(Record(1, "{\"model\":\"kimi-k2.6\"}"), "conn");
        new AuditLog(_path, includeContent: true).Write(Record(2, "{\"model\":\"kimi-k2.6\"}"), "conn");

        var lines = File.ReadAllLines(_path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            "time,connection,requestId,model,method,endpoint,status,attempts,durationMs,stream,usage,webSearches,finishReason,errorId,requeued,gaveUp",
            string.Join(",", lines[0].EnumerateObject().Select(p => p.Name)));
        Assert.Equal(12.3, lines[0].GetProperty("durationMs").GetDouble());
        Assert.Equal(7, lines[0].GetProperty("usage").GetProperty("totalTokens").GetInt32());
        Assert.Equal("answer 2", lines[1].GetProperty("answer").GetString());
        Assert.Equal("{\"model\":\"kimi-k2.6\"}", lines[1].GetProperty("request").GetString());
    }

    [Fact]
    public void The_line_of_a_request_the_scheduler_gave_up_on_repeats_it_with_requeued_false_and_gaveUp_true()
    {
        var log = new AuditLog(_path, includeContent: false);
        var throttled = new KimiRequestRecord
        {
            Time = DateTimeOffset.UtcNow, RequestId = "r-429", Model = "kimi-k2.6", Method = "POST", Endpoint = "chat/completions",
            StatusCode = 429, Attempts = 1, ErrorId = KimiErrorIds.RateLimitReached, Requeued = true,
        };
        log.Write(throttled, "conn");
        log.WriteGaveUp(throttled, "conn");

        var lines = File.ReadAllLines(_path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].GetProperty("requeued").GetBoolean());
        Assert.False(lines[0].GetProperty("gaveUp").GetBoolean());
        Assert.False(lines[1].GetProperty("requeued").GetBoolean());
        Assert.True(lines[1].GetProperty("gaveUp").GetBoolean());
        Assert.Equal("r-429", lines[1].GetProperty("requestId").GetString());
        Assert.Equal(KimiErrorIds.RateLimitReached, lines[1].GetProperty("errorId").GetString());
        Assert.Equal(429, lines[1].GetProperty("status").GetInt32());
    }

    [Fact]
    public void The_ledger_sums_records_and_costs_them_from_the_price_given()
    {
        var ledger = new UsageLedger();
        ledger.Add(new KimiRequestRecord { Model = "m", Attempts = 3, Usage = new ChatUsage { PromptTokens = 1_000_000, CachedTokens = 500_000, CompletionTokens = 2_000_000, TotalTokens = 3_000_000 }, WebSearches = 2 }, "c", "CNY");
        ledger.Add(new KimiRequestRecord { Model = "m", Attempts = 1, ErrorId = "KimiServerError" }, "c", "CNY");
        ledger.Add(new KimiRequestRecord { Model = "other", Attempts = 1 }, "c", "CNY");
        // A 429 the -ThrottleLimit scheduler sends again: a retry of the request that follows, not a failure.
        ledger.Add(new KimiRequestRecord { Model = "other", Attempts = 1, ErrorId = KimiErrorIds.RateLimitReached, Requeued = true }, "c", "CNY");
        ledger.SetPrice(new KimiPrice { Model = "m", InputPerMillion = 4, CachedInputPerMillion = 1, OutputPerMillion = 16, PerWebSearch = 0.5m, Currency = "CNY" });
        ledger.SetPrice(new KimiPrice { Model = "*", InputPerMillion = 1, OutputPerMillion = 1, Currency = "USD" });

        var rows = ledger.Snapshot(reset: true);

        var m = rows.Single(r => r.Model == "m");
        Assert.Equal(2, m.Requests);
        Assert.Equal(1, m.FailedRequests);
        Assert.Equal(2, m.Retries);
        Assert.Equal(0.5m * 4 + 0.5m * 1 + 2 * 16 + 2 * 0.5m, m.Cost);
        Assert.Equal("CNY", m.Currency);
        var other = rows.Single(r => r.Model == "other");
        Assert.Equal((1, 0, 1), (other.Requests, other.FailedRequests, other.Retries));
        Assert.Null(other.Cost); // the * price is in USD, the connection bills in CNY
        Assert.Empty(ledger.Snapshot());
    }

    public void Dispose() => File.Delete(_path);
}
