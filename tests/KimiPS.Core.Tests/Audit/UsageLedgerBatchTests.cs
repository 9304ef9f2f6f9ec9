using KimiPS.Core;

namespace KimiPS.Core.Tests.Audit;

/// <summary>The ledger's batch rows (Receive-KimiBatch) and the scheduler's give-up, row by row.</summary>
public sealed class UsageLedgerBatchTests
{
    private static ChatUsage Tokens(int prompt, int cached, int completion) =>
        new() { PromptTokens = prompt, CachedTokens = cached, CompletionTokens = completion, TotalTokens = prompt + completion };

    [Fact]
    public void Batch_lines_go_to_their_own_row_once_each_and_not_again_once_the_batch_is_complete()
    {
        var ledger = new UsageLedger();
        Assert.True(ledger.AddBatchResult("c", "CNY", "batch_1", "a", "kimi-k2.6", Tokens(10, 4, 5), failed: false));
        Assert.False(ledger.AddBatchResult("c", "CNY", "batch_1", "a", "kimi-k2.6", Tokens(10, 4, 5), failed: false));
        Assert.True(ledger.AddBatchResult("c", "CNY", "batch_1", "b", "kimi-k2.6", null, failed: true));
        Assert.True(ledger.AddBatchResult("c", "CNY", "batch_2", "a", "kimi-k2.6", Tokens(1, 0, 1), failed: false));
        ledger.CompleteBatch("c", "batch_1");
        Assert.False(ledger.AddBatchResult("c", "CNY", "batch_1", "z", "kimi-k2.6", Tokens(1, 0, 1), failed: false));
        ledger.Snapshot(reset: true);
        Assert.False(ledger.AddBatchResult("c", "CNY", "batch_1", "b", "kimi-k2.6", null, failed: true));
        Assert.True(ledger.AddBatchResult("c", "CNY", "batch_2", "b", "kimi-k2.6", Tokens(2, 1, 3), failed: false));

        var row = Assert.Single(ledger.Snapshot());
        Assert.True(row.Batch);
        Assert.Equal((1, 0, 2, 1, 3, 5), (row.Requests, row.FailedRequests, row.PromptTokens, row.CachedPromptTokens, row.CompletionTokens, row.TotalTokens));
    }

    [Fact]
    public void Batch_rows_take_batch_prices_only_and_live_rows_live_prices_only()
    {
        var ledger = new UsageLedger();
        ledger.AddBatchResult("c", "CNY", "batch_1", "a", "kimi-k2.6", Tokens(1_000_000, 0, 1_000_000), failed: false);
        ledger.Add(new KimiRequestRecord { Model = "kimi-k2.6", Attempts = 1, Usage = Tokens(1_000_000, 0, 1_000_000) }, "c", "CNY");
        ledger.SetPrice(new KimiPrice { Model = "KIMI-K2.6", InputPerMillion = 4, CachedInputPerMillion = 4, OutputPerMillion = 16 });
        Assert.Equal(new decimal?[] { 20m, null }, ledger.Snapshot().Select(r => r.Cost));
        ledger.SetPrice(new KimiPrice { Model = "*", Batch = true, InputPerMillion = 2, CachedInputPerMillion = 2, OutputPerMillion = 8 });
        Assert.Equal(new decimal?[] { 20m, 10m }, ledger.Snapshot().Select(r => r.Cost));
        Assert.Equal(2, ledger.Prices().Count);
    }

    [Fact]
    public void A_requeued_429_the_scheduler_gave_up_on_is_one_failed_request_and_one_retry_less()
    {
        var ledger = new UsageLedger();
        var sends = Enumerable.Range(0, 3).Select(_ => new KimiRequestRecord
            { Model = "kimi-k2.6", Attempts = 1, StatusCode = 429, ErrorId = KimiErrorIds.RateLimitReached, Requeued = true }).ToList();
        foreach (var send in sends) ledger.Add(send, "c", "CNY");
        ledger.GaveUp(sends[^1], "c", "CNY");

        var row = Assert.Single(ledger.Snapshot());
        Assert.Equal((1, 1, 2), (row.Requests, row.FailedRequests, row.Retries));
    }
}
