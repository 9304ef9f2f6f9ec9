namespace KimiPS.Core;

/// <summary>
/// A session's running totals (Get-KimiUsage), by connection and model, and the prices the user set (Set-KimiPrice).
/// Thread-safe: the requests of a -ThrottleLimit pipeline are added from several threads at once.
/// </summary>
public sealed class UsageLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Connection, string Model), KimiUsage> _rows = new();
    private readonly Dictionary<string, KimiPrice> _prices = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds one request made over <paramref name="connection"/>, whose platform bills in <paramref name="currency"/> (null: unknown).</summary>
    public void Add(KimiRequestRecord record, string connection, string? currency)
    {
        if (record is null) throw new ArgumentNullException(nameof(record));
        var model = record.Model ?? "";
        lock (_gate)
        {
            if (!_rows.TryGetValue((connection, model), out var row))
            {
                row = new KimiUsage { Connection = connection, Model = model, Since = record.Time, Currency = currency };
                _rows.Add((connection, model), row);
            }
            if (record.Requeued)
            {
                // The scheduler sends it again: one request, retried, however many HTTP requests it takes.
                row.Retries += Math.Max(1, record.Attempts);
                return;
            }
            row.Requests++;
            if (record.Failed) row.FailedRequests++;
            row.Retries += Math.Max(0, record.Attempts - 1);
            if (record.Usage is { } usage)
            {
                row.PromptTokens += usage.PromptTokens;
                row.CachedPromptTokens += usage.CachedTokens;
                row.CompletionTokens += usage.CompletionTokens;
                row.TotalTokens += usage.TotalTokens;
            }
            if (record.UsageEstimated) row.EstimatedRequests++;
            row.WebSearches += record.WebSearches;
        }
    }

    /// <summary>Sets (or replaces) a model's price.</summary>
    public void SetPrice(KimiPrice price)
    {
        if (price is null) throw new ArgumentNullException(nameof(price));
        lock (_gate) _prices[price.Model] = price;
    }

    public IReadOnlyList<KimiPrice> Prices()
    {
        lock (_gate) return _prices.Values.OrderBy(p => p.Model, StringComparer.Ordinal).ToList();
    }

    /// <summary>A copy of every row, costed, ordered by connection and model; with <paramref name="reset"/> the totals start over in the same step.</summary>
    public IReadOnlyList<KimiUsage> Snapshot(bool reset = false)
    {
        List<KimiUsage> rows;
        lock (_gate)
        {
            rows = _rows.Values.Select(Copy).ToList();
            if (reset) _rows.Clear();
            foreach (var row in rows) Cost(row);
        }
        return rows.OrderBy(r => r.Connection, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal).ToList();
    }

    /// <summary>A price applies when it is for this model (else <c>*</c>) and its currency is the connection's, or either is unknown.</summary>
    private void Cost(KimiUsage row)
    {
        if (!_prices.TryGetValue(row.Model, out var price) && !_prices.TryGetValue("*", out price)) return;
        if (!string.IsNullOrEmpty(price.Currency) && !string.IsNullOrEmpty(row.Currency) &&
            !string.Equals(price.Currency, row.Currency, StringComparison.OrdinalIgnoreCase)) return;
        row.Cost = price.CostOf(row);
        if (string.IsNullOrEmpty(row.Currency)) row.Currency = string.IsNullOrEmpty(price.Currency) ? null : price.Currency;
    }

    private static KimiUsage Copy(KimiUsage r) => new()
    {
        Connection = r.Connection, Model = r.Model, Requests = r.Requests, FailedRequests = r.FailedRequests, Retries = r.Retries,
        PromptTokens = r.PromptTokens, CachedPromptTokens = r.CachedPromptTokens, CompletionTokens = r.CompletionTokens,
        TotalTokens = r.TotalTokens, WebSearches = r.WebSearches, EstimatedRequests = r.EstimatedRequests, Since = r.Since, Currency = r.Currency,
    };
}
