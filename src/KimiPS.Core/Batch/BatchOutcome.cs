namespace KimiPS.Core;

/// <summary>What became of one request of a batch: its result, or the error that stands for it.</summary>
internal sealed class BatchOutcome
{
    public BatchOutcome(string customId, object? inputObject, KimiBatchResult? result, KimiException? error)
    {
        CustomId = customId;
        InputObject = inputObject;
        Result = result;
        Error = error;
    }

    public string CustomId { get; }
    public object? InputObject { get; }
    public KimiBatchResult? Result { get; }
    public KimiException? Error { get; }
}

/// <summary>
/// Joins a finished batch's output and error files to its requests. Every request is accounted for, in the order the
/// batch was started with: its answer, its error, or an error saying the batch returned nothing for it. Lines for ids
/// the batch does not list (or all lines, when its requests are unknown) follow, output file first, in file order.
/// Lazy: each line is read and parsed when its outcome is taken, so memory does not grow with the files.
/// </summary>
internal static class BatchJoin
{
    public static IEnumerable<BatchOutcome> Outcomes(KimiBatch batch, BatchResultIndex? output, BatchResultIndex? errors, string? apiKey)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in batch.Requests)
        {
            known.Add(request.CustomId);
            yield return Outcome(batch, request.CustomId, request.InputObject, output, errors, apiKey);
        }
        foreach (var file in new[] { output, errors })
        {
            if (file is null) continue;
            foreach (var id in file.CustomIds)
                if (known.Add(id)) yield return Outcome(batch, id, null, output, errors, apiKey);
        }
    }

    private static BatchOutcome Outcome(KimiBatch batch, string customId, object? input, BatchResultIndex? output, BatchResultIndex? errors, string? apiKey)
    {
        var line = output?.Read(customId) ?? errors?.Read(customId);
        if (line is null) return new BatchOutcome(customId, input, null, BatchErrors.Missing(customId, batch));
        try
        {
            var (completion, error) = BatchResultLine.Read(line, customId, apiKey);
            return completion is null
                ? new BatchOutcome(customId, input, null, error)
                : new BatchOutcome(customId, input, new KimiBatchResult(customId, completion, input), null);
        }
        catch (KimiException ex)
        {
            return new BatchOutcome(customId, input, null, ex);
        }
    }
}
