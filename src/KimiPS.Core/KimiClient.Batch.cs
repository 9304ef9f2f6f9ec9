namespace KimiPS.Core;

public sealed partial class KimiClient
{
    /// <summary>
    /// Starts a batch over an uploaded JSONL file (purpose batch; one chat request per line). Validation
    /// of the file is asynchronous on the server: poll <see cref="GetBatch"/> until <see cref="KimiBatch.IsFinished"/>.
    /// </summary>
    public KimiBatch CreateBatch(string inputFileId, string completionWindow = "24h", IDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        var body = BatchJson.CreateBody(inputFileId, completionWindow, metadata);
        return ReadBatch(Run(_http.SendForBytesAsync(HttpMethod.Post, "batches", () => JsonContent(body), ErrorContext.Other, ct)).Body);
    }

    /// <summary>Batches, newest first, <paramref name="limit"/> at a time after the id <paramref name="after"/>.</summary>
    public IReadOnlyList<KimiBatch> ListBatches(string? after = null, int limit = 20, CancellationToken ct = default)
    {
        if (limit is < 1 or > 100) throw Errors.InvalidParameter("Limit", Msg.PIsNumber.Format(limit), "Use 1 to 100.");
        var query = "batches?limit=" + limit + (string.IsNullOrEmpty(after) ? "" : "&after=" + Uri.EscapeDataString(after));
        using var json = GetJson(query, ErrorContext.Other, Msg.WhatBatchList, ct);
        return json.RootElement.DataItems().Select(BatchJson.Read).ToList();
    }

    public KimiBatch GetBatch(string id, CancellationToken ct = default) =>
        ReadBatch(Run(_http.SendForBytesAsync(HttpMethod.Get, BatchPath(id), null, ErrorContext.Other, ct)).Body);

    /// <summary>Cancels a batch that is validating, in progress or finalizing.</summary>
    public KimiBatch CancelBatch(string id, CancellationToken ct = default) =>
        ReadBatch(Run(_http.SendForBytesAsync(HttpMethod.Post, BatchPath(id) + "/cancel", null, ErrorContext.Other, ct)).Body);

    private static string BatchPath(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw Errors.InvalidParameter("Id", Msg.PIsEmpty, Msg.BatchIdFix);
        return "batches/" + Uri.EscapeDataString(id.Trim());
    }

    private static KimiBatch ReadBatch(byte[] body)
    {
        using var json = JsonRead.Parse(body, Msg.WhatBatchRequest);
        return BatchJson.Read(json.RootElement);
    }
}
