using System.Text;
using System.Text.Json;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Account;

public sealed class BatchJsonTests
{
    [Fact]
    public void Create_body_has_the_fixed_endpoint_and_metadata()
    {
        var body = BatchJson.CreateBody("file_abc", "3d", new Dictionary<string, string> { ["job"] = "nightly" });
        using var json = JsonDocument.Parse(body);
        Assert.Equal("file_abc", json.RootElement.GetProperty("input_file_id").GetString());
        Assert.Equal("/v1/chat/completions", json.RootElement.GetProperty("endpoint").GetString());
        Assert.Equal("3d", json.RootElement.GetProperty("completion_window").GetString());
        Assert.Equal("nightly", json.RootElement.GetProperty("metadata").GetProperty("job").GetString());
    }

    [Theory]
    [InlineData("11h")]
    [InlineData("8d")]
    [InlineData("24")]
    [InlineData("1w")]
    public void Completion_window_outside_12h_to_7d_is_refused(string window)
    {
        var ex = Assert.Throws<KimiException>(() => BatchJson.CreateBody("file_abc", window, null));
        Assert.Contains("'CompletionWindow'", ex.Message);
    }

    [Fact]
    public void Too_many_metadata_pairs_are_refused()
    {
        var metadata = Enumerable.Range(0, 17).ToDictionary(i => "k" + i, i => "v");
        Assert.Contains("'Metadata'", Assert.Throws<KimiException>(() => BatchJson.CreateBody("file_abc", "24h", metadata)).Message);
    }

    [Fact]
    public void Reads_a_batch_object()
    {
        const string body = """
            {"id":"batch_1","object":"batch","endpoint":"/v1/chat/completions","input_file_id":"file_in","completion_window":"24h",
             "status":"completed","output_file_id":"file_out","error_file_id":"","created_at":1770000000,"completed_at":1770003600,
             "request_counts":{"completed":2,"failed":1,"total":3},"metadata":{"job":"nightly"}}
            """;
        using var json = JsonDocument.Parse(Encoding.UTF8.GetBytes(body));
        var batch = BatchJson.Read(json.RootElement);
        Assert.Equal("batch_1", batch.Id);
        Assert.True(batch.IsFinished);
        Assert.Equal("file_out", batch.OutputFileId);
        Assert.Null(batch.ErrorFileId);
        Assert.Equal((3, 2, 1), (batch.TotalRequests, batch.CompletedRequests, batch.FailedRequests));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770003600), batch.CompletedAt);
        Assert.Equal("nightly", batch.Metadata["job"]);
    }
}
