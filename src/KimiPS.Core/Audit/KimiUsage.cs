namespace KimiPS.Core;

/// <summary>One row of Get-KimiUsage: this session's requests and tokens for one connection and model, live or batch, with their cost when a price is set.</summary>
public sealed class KimiUsage
{
    /// <summary>The connection's name (Connect-Kimi -SaveAs/-Name), else its BaseUri and key hint.</summary>
    public string Connection { get; set; } = "";

    /// <summary>The model; empty for requests that name none (files, models, balance).</summary>
    public string Model { get; set; } = "";

    /// <summary>
    /// True for a row of batch results (Receive-KimiBatch: each line of the batch's output and error files is a
    /// request), priced by Set-KimiPrice -Batch; false for the requests made live.
    /// </summary>
    public bool Batch { get; set; }

    public long Requests { get; set; }

    /// <summary>Requests that failed for good (after their retries), cancelled ones included.</summary>
    public long FailedRequests { get; set; }

    /// <summary>Attempts beyond the first, summed over all requests.</summary>
    public long Retries { get; set; }

    public long PromptTokens { get; set; }

    /// <summary>Prompt tokens served from Kimi's context cache (billed at the cached-input price).</summary>
    public long CachedPromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    public long TotalTokens { get; set; }

    /// <summary>Kimi <c>$web_search</c> calls (billed per search).</summary>
    public long WebSearches { get; set; }

    /// <summary>Requests whose tokens are a local estimate (a stream cut before the server reported usage).</summary>
    public long EstimatedRequests { get; set; }

    /// <summary>The cost from Set-KimiPrice's prices; null when no price is set for this model.</summary>
    public decimal? Cost { get; set; }

    /// <summary>The currency of <see cref="Cost"/>: the connection's (CNY for China, USD for Global), else the price's.</summary>
    public string? Currency { get; set; }

    /// <summary>When this row started counting (the first request, or the last Get-KimiUsage -Reset).</summary>
    public DateTimeOffset Since { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Connection} {Model}{(Batch ? " (batch)" : "")}: {Requests} request(s), {TotalTokens} token(s)" + (Cost is { } c ? $", {c} {Currency}" : "");
}
