using System.Text;
using KimiPS.Core;
using KimiPS.Core.Tests.Client;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Batch;

/// <summary>
/// The batch path end to end over real sockets: requests → JSONL → upload (purpose batch) → create → poll through the
/// emulator's lifecycle → streamed download → index → join. Each lifecycle the emulator covers is driven here.
/// </summary>
public sealed class BatchPipelineTests : EmulatorTest
{
    private static List<KimiBatchRequest> Requests(int count, string model = "kimi-k2.6") =>
        Enumerable.Range(1, count)
            .Select(i => BatchRequests.Create(new ChatRequest(model, ChatMessage.User($"question {i}")), $"q{i}", i - 1, $"input {i}", _ => { }))
            .ToList();

    private KimiBatch Start(KimiClient client, IReadOnlyList<KimiBatchRequest> requests)
    {
        var path = Path.Combine(Path.GetTempPath(), "kimips-test-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            using (var stream = File.Create(path)) BatchInputFile.Write(requests, stream);
            var file = client.UploadFile(path, "batch");
            var batch = client.CreateBatch(file.Id, "24h");
            batch.Requests = requests;
            return batch;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Polls, recording every status and completed count seen, until the batch is finished (bounded).</summary>
    private static (KimiBatch Batch, List<string> Seen) Poll(KimiClient client, KimiBatch batch)
    {
        var seen = new List<string> { $"{batch.Status}:{batch.CompletedRequests + batch.FailedRequests}" };
        for (var i = 0; i < 100 && !batch.IsFinished; i++)
        {
            batch = batch.WithStateOf(client.GetBatch(batch.Id));
            seen.Add($"{batch.Status}:{batch.CompletedRequests + batch.FailedRequests}");
        }
        return (batch, seen);
    }

    private static List<BatchOutcome> Join(KimiClient client, KimiBatch batch)
    {
        using var download = BatchDownload.Start(client, batch.Id, default);
        download.Batch.Requests = batch.Requests;
        return BatchJoin.Outcomes(download.Batch, download.Output, download.Errors, KimiEmulator.ApiKey).ToList();
    }

    [Fact]
    public void Completed_batch_goes_through_every_state_with_growing_counts_and_joins_every_result_in_order()
    {
        Emulator.BatchScript = new BatchScript { InProgressSteps = 3, ReverseOutput = true };
        using var client = Client();
        var requests = Requests(9);

        var (batch, seen) = Poll(client, Start(client, requests));

        Assert.Equal(new[] { "validating:0", "in_progress:0", "in_progress:3", "in_progress:6", "finalizing:9", "completed:9" }, seen);
        var outcomes = Join(client, batch);
        Assert.Equal(requests.Select(r => r.CustomId), outcomes.Select(o => o.CustomId));
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal("Echo: question 4", outcomes[3].Result!.Content);
        Assert.Equal("input 4", outcomes[3].Result!.InputObject);
        Assert.NotNull(outcomes[3].Result!.Completion.Usage);
    }

    [Fact]
    public void Per_request_failures_map_to_catalogue_ids_and_lost_results_are_reported_missing()
    {
        Emulator.BatchScript = new BatchScript
        {
            FailCustomIds = new HashSet<string> { "q2" },
            FailStatus = 400,
            FailType = "content_filter",
            FailMessage = "The request was rejected because it was considered high risk",
            OmitCustomIds = new HashSet<string> { "q4" },
        };
        using var client = Client();
        var (batch, _) = Poll(client, Start(client, Requests(5)));

        var outcomes = Join(client, batch);

        Assert.Equal(new[] { "q1", "q2", "q3", "q4", "q5" }, outcomes.Select(o => o.CustomId));
        Assert.Equal(KimiErrorIds.ContentFiltered, outcomes[1].Error!.ErrorId);
        Assert.Equal("input 2", outcomes[1].InputObject);
        Assert.Equal(KimiErrorIds.BatchRequestMissing, outcomes[3].Error!.ErrorId);
        Assert.Contains("'q4'", outcomes[3].Error!.Message);
        Assert.Equal(3, outcomes.Count(o => o.Result is not null));
    }

    [Fact]
    public void Failed_validation_has_an_error_file_line_per_request()
    {
        Emulator.BatchScript = new BatchScript { ValidationError = "the file is not valid" };
        using var client = Client();
        var (batch, seen) = Poll(client, Start(client, Requests(3)));

        Assert.Equal(new[] { "validating:0", "failed:0" }, seen);
        Assert.Null(batch.OutputFileId);
        var outcomes = Join(client, batch);
        Assert.All(outcomes, o => Assert.Equal(KimiErrorIds.InvalidRequest, o.Error!.ErrorId));
        Assert.Contains("the file is not valid", outcomes[0].Error!.Message);
    }

    [Fact]
    public void A_file_with_two_models_fails_validation_on_the_server_too()
    {
        using var client = Client();
        var mixed = Requests(1).Concat(new[] { BatchRequests.Create(Ask("x", "kimi-k3"), "other", 1, null, _ => { }) }).ToList();

        var (batch, _) = Poll(client, Start(client, mixed)); // the client refuses this (BatchInputFile.Check); the emulator must as well

        Assert.Equal("failed", batch.Status);
    }

    [Fact]
    public void Expiry_keeps_the_answers_made_and_reports_the_rest_as_expired()
    {
        Emulator.BatchScript = new BatchScript { InProgressSteps = 4, ExpireAfterSteps = 1 };
        using var client = Client();
        var (batch, seen) = Poll(client, Start(client, Requests(8)));

        Assert.Equal("expired", batch.Status);
        Assert.Equal(2, batch.CompletedRequests);
        Assert.Equal(6, batch.FailedRequests);
        var outcomes = Join(client, batch);
        Assert.Equal(2, outcomes.Count(o => o.Result is not null));
        Assert.All(outcomes.Skip(2), o => Assert.Equal(KimiErrorIds.BatchRequestExpired, o.Error!.ErrorId));
        Assert.Equal(KimiErrorCategories.OperationTimeout, outcomes[7].Error!.Category);
    }

    [Fact]
    public void Cancelling_goes_to_cancelled_and_the_requests_not_run_are_cancelled_errors()
    {
        Emulator.BatchScript = new BatchScript { InProgressSteps = 2 };
        using var client = Client();
        var batch = Start(client, Requests(4));
        batch = batch.WithStateOf(client.GetBatch(batch.Id)); // in_progress
        batch = batch.WithStateOf(client.GetBatch(batch.Id)); // half run

        var cancelling = client.CancelBatch(batch.Id);
        var (cancelled, _) = Poll(client, batch.WithStateOf(cancelling));

        Assert.Equal("cancelling", cancelling.Status);
        Assert.Equal("cancelled", cancelled.Status);
        var outcomes = Join(client, cancelled);
        Assert.Equal(new[] { true, true, false, false }, outcomes.Select(o => o.Result is not null));
        Assert.Equal(KimiErrorIds.BatchRequestCancelled, outcomes[3].Error!.ErrorId);
        Assert.Throws<KimiApiException>(() => client.CancelBatch(batch.Id));
    }

    [Fact]
    public void Results_of_an_unfinished_batch_are_refused_before_any_download()
    {
        using var client = Client();
        var batch = Start(client, Requests(2));
        var before = Emulator.Requests.Count;

        var ex = Assert.Throws<KimiException>(() => BatchDownload.Start(client, batch.Id, default));

        Assert.Equal(KimiErrorIds.BatchNotFinished, ex.ErrorId);
        Assert.Contains("Wait-KimiBatch", ex.RecommendedAction);
        Assert.Equal(before + 1, Emulator.Requests.Count); // the status read only
    }

    [Fact]
    public void A_download_larger_than_its_bound_fails_without_reading_on()
    {
        using var client = Client();
        var (batch, _) = Poll(client, Start(client, Requests(20)));

        var ex = Assert.Throws<KimiException>(() => client.DownloadFileContent(batch.OutputFileId!, Stream.Null, maxBytes: 100));

        Assert.Equal(KimiErrorIds.ProtocolError, ex.ErrorId);
        var full = new MemoryStream();
        var bytes = client.DownloadFileContent(batch.OutputFileId!, full);
        Assert.True(bytes > 100);
        Assert.Equal(bytes, full.Length);
        Assert.Equal(20, Encoding.UTF8.GetString(full.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Deleting_the_remote_files_removes_output_error_and_input()
    {
        Emulator.BatchScript = new BatchScript { FailEvery = 2 };
        using var client = Client();
        var (batch, _) = Poll(client, Start(client, Requests(4)));
        Assert.NotNull(batch.ErrorFileId);
        Assert.Equal(3, Emulator.FileCount);

        using (var download = BatchDownload.Start(client, batch.Id, default))
            download.DeleteRemote(client, default, message => throw new Xunit.Sdk.XunitException(message));

        Assert.Equal(0, Emulator.FileCount);
    }
}
