using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// What Receive-KimiBatch counts in the session's usage ledger: each line of the batch's files, once per session,
/// in the batch row of the connection and the batch's model (a batch runs one model: its requests', else its answers').
/// The downloads themselves are counted by the client as the API requests they are (no model).
/// </summary>
internal sealed class BatchUsage
{
    private readonly SessionObserver? _observer;
    private readonly string _batchId;
    private string _model;

    public BatchUsage(SessionObserver? observer, string batchId, IReadOnlyList<KimiBatchRequest> requests)
    {
        _observer = observer;
        _batchId = batchId;
        _model = requests.Count > 0 ? requests[0].Model : "";
    }

    public void Count(BatchOutcome outcome)
    {
        if (_observer is null) return;
        // A request the batch returned no line for was never answered or refused: there is nothing to count.
        if (outcome.Error?.ErrorId == KimiErrorIds.BatchRequestMissing) return;
        // The model the request named, as live rows are keyed; with only -Id, the first answer's.
        if (outcome.Result is { } result && _model.Length == 0) _model = result.Completion.Model;
        _observer.OnBatchResult(_batchId, outcome.CustomId, _model, outcome.Result?.Completion.Usage, outcome.Result is null);
    }

    /// <summary>Every line was read: the batch is counted whole.</summary>
    public void Complete() => _observer?.OnBatchComplete(_batchId);
}
