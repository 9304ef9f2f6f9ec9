namespace KimiPS.Core;

/// <summary>
/// What a connection's client reports to: the session's usage ledger and, when one is configured, the audit log.
/// Built per client, so each request is counted in the ledger of the session (runspace) that made it.
/// </summary>
public sealed class SessionObserver : IKimiRequestObserver
{
    private readonly UsageLedger _ledger;
    private readonly AuditLog? _log;

    public SessionObserver(UsageLedger ledger, string connection, string? currency, AuditLog? log)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        Connection = connection;
        Currency = currency;
        _log = log;
    }

    /// <summary>The connection's label in the ledger and the log.</summary>
    public string Connection { get; }

    public string? Currency { get; }

    /// <inheritdoc />
    public bool IncludeContent => _log?.IncludeContent ?? false;

    /// <inheritdoc />
    public void OnRequest(KimiRequestRecord record)
    {
        // The ledger first: a log that cannot be written must not lose the count.
        _ledger.Add(record, Connection, Currency);
        _log?.Write(record, Connection);
    }

    /// <summary>
    /// A request the -ThrottleLimit scheduler gave up on: a failed request in the ledger (<see cref="UsageLedger.GaveUp"/>)
    /// and a line in the log (<see cref="AuditLog.WriteGaveUp"/>). Returns why the line could not be written, or null.
    /// </summary>
    public string? OnGaveUp(KimiRequestRecord requeued)
    {
        // The ledger first: a log that cannot be written must not lose the count.
        _ledger.GaveUp(requeued, Connection, Currency);
        try
        {
            _log?.WriteGaveUp(requeued, Connection);
            return null;
        }
        catch (Exception ex)
        {
            return Msg.RequestRecordLost.Format(requeued.Method, requeued.Endpoint, ex.Message);
        }
    }

    /// <summary>Counts one line of a received batch in this connection's batch row; see <see cref="UsageLedger.AddBatchResult"/>.</summary>
    public bool OnBatchResult(string batchId, string customId, string model, ChatUsage? usage, bool failed) =>
        _ledger.AddBatchResult(Connection, Currency, batchId, customId, model, usage, failed);

    /// <summary>Every line of the batch was read; see <see cref="UsageLedger.CompleteBatch"/>.</summary>
    public void OnBatchComplete(string batchId) => _ledger.CompleteBatch(Connection, batchId);
}
