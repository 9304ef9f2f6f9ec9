using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

public sealed class AccountTests : EmulatorTest
{
    [Fact]
    public void Models_come_with_context_length_and_capabilities()
    {
        using var client = Client();
        var models = client.ListModels();
        var k26 = Assert.Single(models, m => m.Id == "kimi-k2.6");
        Assert.Equal(262144, k26.ContextLength);
        Assert.True(k26.SupportsImageIn);
        Assert.True(k26.SupportsReasoning);
        Assert.Contains(models, m => m.Id == "kimi-k3");
    }

    [Fact]
    public void Balance_unwraps_data()
    {
        using var client = Client();
        var balance = client.GetBalance();
        Assert.Equal(49.58894m, balance.AvailableBalance);
        Assert.Equal(46.58893m, balance.VoucherBalance);
        Assert.Equal(3.00001m, balance.CashBalance);
    }

    [Fact]
    public void Token_estimate_unwraps_data_total_tokens()
    {
        using var client = Client();
        var count = client.EstimateTokenCount(new ChatRequest("kimi-k2.6", ChatMessage.System("Be brief."), ChatMessage.User("12345678")));
        Assert.Equal(3 * 2 + (9 + 8 + 3) / 4, count);
        var sent = Emulator.Requests.Last().Json!.RootElement;
        Assert.Equal("kimi-k2.6", sent.GetProperty("model").GetString());
        Assert.False(sent.TryGetProperty("stream", out _));
    }

    [Fact]
    public void Connection_test_reports_success_latency_and_balance()
    {
        using var client = Client();
        var test = client.TestConnection();
        Assert.True(test.Success);
        Assert.NotNull(test.Latency);
        Assert.Equal(49.58894m, test.Balance!.AvailableBalance);
        Assert.Null(test.ErrorId);
    }

    [Fact]
    public void Connection_test_says_which_platform_a_rejected_key_belongs_to()
    {
        using var other = KimiEmulator.Start();
        using var client = Client(o =>
        {
            o.ApiKey = "sk-other-platform-key-000000000001";
            o.AlternateBaseUri = other.BaseUri;
        });
        other.AcceptedKeys.Add("sk-other-platform-key-000000000001");
        var test = client.TestConnection();
        Assert.False(test.Success);
        Assert.True(test.Reachable);
        Assert.Equal(KimiErrorIds.AuthenticationFailed, test.ErrorId);
        Assert.Equal("127.0.0.1", test.KeyRegion);
        Assert.DoesNotContain("sk-other-platform-key-000000000001", test.Message);
    }

    [Fact]
    public void Connection_test_never_throws_when_nothing_listens()
    {
        var port = Emulator.BaseUri.Port;
        Emulator.Dispose();
        using var client = Client(o => { o.BaseUri = new Uri($"http://127.0.0.1:{port}/v1/"); o.MaxRetries = 0; });
        var test = client.TestConnection();
        Assert.False(test.Reachable);
        Assert.Equal(KimiErrorIds.ConnectionFailed, test.ErrorId);
    }

    [Fact]
    public void Batch_lifecycle()
    {
        using var client = Client();
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kimips-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var path = Path.Combine(dir, "jobs.jsonl");
            File.WriteAllText(path, """{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"kimi-k2.6","messages":[{"role":"user","content":"one"}]}}""" + "\n");
            var input = client.UploadFile(path, "batch");
            var batch = client.CreateBatch(input.Id, "24h", new Dictionary<string, string> { ["job"] = "test" });
            Assert.Equal("validating", batch.Status);
            Assert.Contains(client.ListBatches(), b => b.Id == batch.Id);
            while (!batch.IsFinished) batch = client.GetBatch(batch.Id);
            Assert.Equal("completed", batch.Status);
            Assert.Contains("\"custom_id\":\"a\"", client.GetFileContent(batch.OutputFileId!));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
