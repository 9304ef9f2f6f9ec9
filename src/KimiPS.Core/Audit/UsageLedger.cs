namespace KimiPS.Core;

/// <summary>
/// A session's running totals (Get-KimiUsage), by connection, model and batch or live, and the prices the user set
/// (Set-KimiPrice). Thread-safe: the requests of a -ThrottleLimit pipeline are added from several threads at once.
/// </summary>
public sealed class UsageLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Connection, string Model, bool Batch), KimiUsage> _rows = new();
    private readonly Dictionary<(string Model, bool Batch), KimiPrice> _prices = new(PriceKeyComparer.Instance);

    // The batches whose results were counted, by connection and batch id: the custom ids counted so far while a
    // receive has not read the whole batch, null once it has (a set of ids only lives as long as a partial receive).
    // Kept across -Reset: a batch received again later was still counted once, in an earlier period.
    private readonly Dictionary<(string Connection, string BatchId), HashSet<string>?> _batches = new();

    /// <summary>Adds one request made over <paramref name="connection"/>, whose platform bills in <paramref name="currency"/> (null: unknown).</summary>
    public void Add(KimiRequestRecord record, string connection, string? currency)
    {
        if (record is null) throw new ArgumentNullException(nameof(record));
        lock (_gate)
        {
            var row = Row(connection, record.Model ?? "", false, record.Time, currency);
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

    /// <summary>
    /// The -ThrottleLimit scheduler gave up on the request whose last 429 is <paramref name="requeued"/>: counted as a
    /// retry when it was handed to the scheduler (<see cref="Add"/>), it is the request's final attempt, so the row
    /// has one request more, failed, and one retry less (the retries are the request's other attempts).
    /// </summary>
    public void GaveUp(KimiRequestRecord requeued, string connection, string? currency)
    {
        if (requeued is null) throw new ArgumentNullException(nameof(requeued));
        lock (_gate)
        {
            // After a -Reset in between, the row may be new: its retries then start from zero, never below.
            var row = Row(connection, requeued.Model ?? "", false, requeued.Time, currency);
            row.Requests++;
            row.FailedRequests++;
            row.Retries = Math.Max(0, row.Retries - 1);
        }
    }

    /// <summary>
    /// Counts one line of a received batch's output or error file in the batch row of <paramref name="connection"/>
    /// and <paramref name="model"/>: a request, its tokens, and whether it failed. A line already counted in this
    /// session (the same batch received again, with -Keep) is not counted again; returns whether it was counted.
    /// </summary>
    public bool AddBatchResult(string connection, string? currency, string batchId, string customId, string model, ChatUsage? usage, bool failed)
    {
        lock (_gate)
        {
            if (!_batches.TryGetValue((connection, batchId), out var counted))
            {
                counted = new HashSet<string>(StringComparer.Ordinal);
                _batches.Add((connection, batchId), counted);
            }
            if (counted is null || !counted.Add(customId)) return false;
            var row = Row(connection, model, true, DateTimeOffset.UtcNow, currency);
            row.Requests++;
            if (failed) row.FailedRequests++;
            if (usage is not null)
            {
                row.PromptTokens += usage.PromptTokens;
                row.CachedPromptTokens += usage.CachedTokens;
                row.CompletionTokens += usage.CompletionTokens;
                row.TotalTokens += usage.TotalTokens;
            }
            return true;
        }
    }

    /// <summary>Every line of the batch has been read: it is counted whole, and none of its lines will be again.</summary>
    public void CompleteBatch(string connection, string batchId)
    {
        lock (_gate) _batches[(connection, batchId)] = null;
    }

    private KimiUsage Row(string connection, string model, bool batch, DateTimeOffset since, string? currency)
    {
        if (!_rows.TryGetValue((connection, model, batch), out var row))
        {
            row = new KimiUsage { Connection = connection, Model = model, Batch = batch, Since = since, Currency = currency };
            _rows.Add((connection, model, batch), row);
        }
        return row;
    }

    /// <summary>Sets (or replaces) a model's price, live or batch.</summary>
    public void SetPrice(KimiPrice price)
    {
        if (price is null) throw new ArgumentNullException(nameof(price));
        lock (_gate) _prices[(price.Model, price.Batch)] = price;
    }

    public IReadOnlyList<KimiPrice> Prices()
    {
        lock (_gate) return _prices.Values.OrderBy(p => p.Model, StringComparer.Ordinal).ThenBy(p => p.Batch).ToList();
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
        return rows.OrderBy(r => r.Connection, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => r.Batch).ToList();
    }

    /// <summary>
    /// A price applies when it is for this model (else <c>*</c>) and its currency is the connection's, or either is
    /// unknown. A batch row takes batch prices only and a live row live prices only: Kimi prices the two differently,
    /// and a batch row costed at the live price would be wrong with no sign of it.
    /// </summary>
    private void Cost(KimiUsage row)
    {
        if (!_prices.TryGetValue((row.Model, row.Batch), out var price) && !_prices.TryGetValue(("*", row.Batch), out price)) return;
        if (!string.IsNullOrEmpty(price.Currency) && !string.IsNullOrEmpty(row.Currency) &&
            !string.Equals(price.Currency, row.Currency, StringComparison.OrdinalIgnoreCase)) return;
        row.Cost = price.CostOf(row);
        if (string.IsNullOrEmpty(row.Currency)) row.Currency = string.IsNullOrEmpty(price.Currency) ? null : price.Currency;
    }

    private static KimiUsage Copy(KimiUsage r) => new()
    {
        Connection = r.Connection, Model = r.Model, Batch = r.Batch, Requests = r.Requests, FailedRequests = r.FailedRequests, Retries = r.Retries,
        PromptTokens = r.PromptTokens, CachedPromptTokens = r.CachedPromptTokens, CompletionTokens = r.CompletionTokens,
        TotalTokens = r.TotalTokens, WebSearches = r.WebSearches, EstimatedRequests = r.EstimatedRequests, Since = r.Since, Currency = r.Currency,
    };
}

/// <summary>Prices by model id (case-insensitive, as before batch prices) and batch or live.</summary>
internal sealed class PriceKeyComparer : IEqualityComparer<(string Model, bool Batch)>
{
    public static readonly PriceKeyComparer Instance = new();

    public bool Equals((string Model, bool Batch) x, (string Model, bool Batch) y) =>
        x.Batch == y.Batch && StringComparer.OrdinalIgnoreCase.Equals(x.Model, y.Model);

    public int GetHashCode((string Model, bool Batch) key) => StringComparer.OrdinalIgnoreCase.GetHashCode(key.Model) * 2 + (key.Batch ? 1 : 0);
}
