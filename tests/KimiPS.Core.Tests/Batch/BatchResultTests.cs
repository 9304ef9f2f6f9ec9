using System.Text;
using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Batch;

/// <summary>Reading result files: the offset index, each line's mapping, and the manifest.</summary>
public sealed class BatchResultTests
{
    private static string Ok(string id, string content) =>
        "{\"id\":\"x\",\"custom_id\":\"" + id + "\",\"response\":{\"status_code\":200,\"request_id\":\"r1\",\"body\":{\"id\":\"c\",\"object\":\"chat.completion\"," +
        "\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}]," +
        "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}},\"error\":null}";

    private static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_index_finds_lines_across_buffer_boundaries_with_CRLF_and_blank_lines()
    {
        var pad = new string('p', 100_000); // longer than one read buffer
        var text = Ok("a", pad) + "\r\n\n" + Ok("b", "short") + "\nnot json\n" + Ok("a", "duplicate") + "\n" + Ok("c", "last, no newline");
        var index = BatchResultIndex.Build(File(text));

        Assert.Equal(new[] { "a", "b", "c" }, index.CustomIds);
        Assert.Equal(1, index.Unreadable);
        var (c, _) = BatchResultLine.Read(index.Read("c")!, "c", null);
        Assert.Equal("last, no newline", c!.Content);
        var (a, _) = BatchResultLine.Read(index.Read("a")!, "a", null);
        Assert.Equal(pad, a!.Content);
        Assert.Null(index.Read("zzz"));
    }

    [Fact]
    public void A_line_maps_to_a_completion_with_usage_or_to_the_catalogue_error_of_its_status()
    {
        var (ok, none) = BatchResultLine.Read(Encoding.UTF8.GetBytes(Ok("a", "hello")), "a", null);
        Assert.Null(none);
        Assert.Equal(5, ok!.Usage!.TotalTokens);
        Assert.Equal("r1", ok.RequestId);

        var limited = """{"custom_id":"b","response":{"status_code":429,"body":{"error":{"type":"rate_limit_reached_error","message":"slow down"}}},"error":null}""";
        var (_, error) = BatchResultLine.Read(Encoding.UTF8.GetBytes(limited), "b", null);
        Assert.Equal(KimiErrorIds.RateLimitReached, error!.ErrorId);

        var lost = """{"custom_id":"c","response":null,"error":{"code":"duplicate_custom_id","message":"seen before"}}""";
        var (_, refused) = BatchResultLine.Read(Encoding.UTF8.GetBytes(lost), "c", null);
        Assert.Equal(KimiErrorIds.InvalidRequest, refused!.ErrorId);
        Assert.Contains("seen before", refused.Message);

        var broken = BatchJoinOf("""{"custom_id":"d"}""", "d");
        Assert.Equal(KimiErrorIds.ProtocolError, broken.Error!.ErrorId);
    }

    [Fact]
    public void The_key_echoed_in_an_error_line_never_reaches_the_message()
    {
        var line = $$$"""{"custom_id":"a","response":null,"error":{"code":"batch_expired","message":"key {{{KimiEmulator.ApiKey}}} expired"}}""";
        var (_, error) = BatchResultLine.Read(Encoding.UTF8.GetBytes(line), "a", KimiEmulator.ApiKey);
        Assert.Equal(KimiErrorIds.BatchRequestExpired, error!.ErrorId);
        Assert.DoesNotContain(KimiEmulator.ApiKey, error.ToString());
    }

    [Fact]
    public void Without_known_requests_every_line_is_written_output_first_in_file_order()
    {
        var output = BatchResultIndex.Build(File(Ok("b", "2") + "\n" + Ok("a", "1")));
        var errors = BatchResultIndex.Build(File("""{"custom_id":"z","response":null,"error":{"code":"batch_cancelled","message":""}}"""));
        var batch = new KimiBatch { Id = "batch_1", Status = "cancelled" };

        var outcomes = BatchJoin.Outcomes(batch, output, errors, null).ToList();

        Assert.Equal(new[] { "b", "a", "z" }, outcomes.Select(o => o.CustomId));
        Assert.Equal(KimiErrorIds.BatchRequestCancelled, outcomes[2].Error!.ErrorId);
        Assert.All(outcomes, o => Assert.Null(o.InputObject));
    }

    [Fact]
    public void A_manifest_round_trips_ids_and_inputs_and_holds_no_body()
    {
        var path = Path.GetTempFileName();
        try
        {
            var batch = new KimiBatch
            {
                Id = "batch_9", InputFileId = "file_1", CreatedAt = DateTimeOffset.UtcNow,
                Requests = new[] { new KimiBatchRequest("a", "kimi-k2.6", "{\"secret\":1}", "one"), new KimiBatchRequest("b", "kimi-k2.6", "{}", null) },
            };
            using (var stream = System.IO.File.Create(path)) BatchManifest.Write(stream, batch, input => input is null ? null : "<" + input + ">");

            var (id, requests) = BatchManifest.Read(path, text => text.Trim('<', '>'));

            Assert.Equal("batch_9", id);
            Assert.Equal(new[] { "a", "b" }, requests.Select(r => r.CustomId));
            Assert.Equal(new object?[] { "one", null }, requests.Select(r => r.InputObject));
            Assert.DoesNotContain("secret", System.IO.File.ReadAllText(path));
            System.IO.File.WriteAllText(path, "{\"format\":\"other\"}");
            Assert.Equal(KimiErrorIds.InvalidBatchManifest, Assert.Throws<KimiException>(() => BatchManifest.Read(path, t => t)).ErrorId);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private static BatchOutcome BatchJoinOf(string line, string id)
    {
        var batch = new KimiBatch { Id = "batch_1", Status = "completed", Requests = new[] { new KimiBatchRequest(id, "m", "{}", "input") } };
        return BatchJoin.Outcomes(batch, BatchResultIndex.Build(File(line)), null, null).Single();
    }
}
