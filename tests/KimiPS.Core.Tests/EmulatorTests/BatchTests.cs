using System.Net;
using System.Text;
using System.Text.Json;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class BatchTests
{
    private const string Lines =
        """
        {"custom_id":"req-1","method":"POST","url":"/v1/chat/completions","body":{"model":"kimi-k2.6","messages":[{"role":"user","content":"one"}]}}
        {"custom_id":"req-2","method":"POST","url":"/v1/chat/completions","body":{"model":"kimi-k2.6","messages":[{"role":"user","content":"two"}]}}
        """;

    [Fact]
    public async Task A_batch_advances_one_step_per_read_through_finalizing_and_produces_an_output_file()
    {
        using var session = EmulatorSession.Start();
        var inputId = await UploadAsync(session, "batch");

        using var created = await session.PostJsonOkAsync("batches", Create(inputId, "/v1/chat/completions"));
        var id = created.RootElement.GetProperty("id").GetString();
        Assert.Equal("validating", created.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, created.RootElement.GetProperty("request_counts").GetProperty("total").GetInt32());

        using (var step = await session.GetJsonOkAsync($"batches/{id}"))
            Assert.Equal("in_progress", step.RootElement.GetProperty("status").GetString());
        using (var step = await session.GetJsonOkAsync($"batches/{id}"))
            Assert.Equal("finalizing", step.RootElement.GetProperty("status").GetString());
        using var done = await session.GetJsonOkAsync($"batches/{id}");
        Assert.Equal("completed", done.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, done.RootElement.GetProperty("request_counts").GetProperty("completed").GetInt32());
        var outputId = done.RootElement.GetProperty("output_file_id").GetString();

        var output = (await session.Http.GetStringAsync($"files/{outputId}/content")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, output.Length);
        using var line = JsonDocument.Parse(output[1]);
        Assert.Equal("req-2", line.RootElement.GetProperty("custom_id").GetString());
        var response = line.RootElement.GetProperty("response");
        Assert.Equal(200, response.GetProperty("status_code").GetInt32());
        Assert.Equal("Echo: two", response.GetProperty("body").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());

        using var list = await session.GetJsonOkAsync("batches?limit=10");
        Assert.Equal(id, Assert.Single(list.RootElement.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.False(list.RootElement.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Cancel_goes_through_cancelling_to_cancelled_and_a_finished_batch_cannot_be_cancelled()
    {
        using var session = EmulatorSession.Start();
        var inputId = await UploadAsync(session, "batch");
        using var created = await session.PostJsonOkAsync("batches", Create(inputId, "/v1/chat/completions"));
        var id = created.RootElement.GetProperty("id").GetString();

        using (var cancelling = await session.PostJsonOkAsync($"batches/{id}/cancel", ""))
            Assert.Equal("cancelling", cancelling.RootElement.GetProperty("status").GetString());
        using (var cancelled = await session.GetJsonOkAsync($"batches/{id}"))
            Assert.Equal("cancelled", cancelled.RootElement.GetProperty("status").GetString());
        using var again = await session.PostJsonAsync($"batches/{id}/cancel", "");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Theory]
    [InlineData("batch", "/v1/embeddings")]
    [InlineData("file-extract", "/v1/chat/completions")]
    public async Task A_wrong_endpoint_or_file_purpose_is_refused(string purpose, string endpoint)
    {
        using var session = EmulatorSession.Start();
        var inputId = await UploadAsync(session, purpose);

        using var response = await session.PostJsonAsync("batches", Create(inputId, endpoint));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Create(string inputId, string endpoint) =>
        $$$"""{"input_file_id":"{{{inputId}}}","endpoint":"{{{endpoint}}}","completion_window":"24h","metadata":{"job":"test"}}""";

    private static async Task<string> UploadAsync(EmulatorSession session, string purpose)
    {
        using var response = await session.Http.PostAsync("files", UploadTests.Multipart(new MemoryStream(Encoding.UTF8.GetBytes(Lines)), "input.jsonl", purpose));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("id").GetString()!;
    }
}
