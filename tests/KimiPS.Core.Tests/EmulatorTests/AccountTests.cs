using System.Text.Json;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class AccountTests
{
    [Fact]
    public async Task Models_list_the_four_current_ids_with_capabilities()
    {
        using var session = EmulatorSession.Start();

        using var doc = await session.GetJsonOkAsync("models");

        var models = doc.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["kimi-k3", "kimi-k2.7-code", "kimi-k2.7-code-highspeed", "kimi-k2.6"], models.Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(1048576, models[0].GetProperty("context_length").GetInt64());
        Assert.False(models[1].GetProperty("supports_image_in").GetBoolean());
        Assert.True(models[3].GetProperty("supports_video_in").GetBoolean());
    }

    [Fact]
    public async Task Balance_is_wrapped_in_data()
    {
        using var session = EmulatorSession.Start();

        using var doc = await session.GetJsonOkAsync("users/me/balance");

        Assert.Equal(49.58894m, doc.RootElement.GetProperty("data").GetProperty("available_balance").GetDecimal());
        Assert.True(doc.RootElement.GetProperty("status").GetBoolean());
    }

    [Fact]
    public async Task Token_estimate_is_3_per_message_plus_a_quarter_of_the_text()
    {
        using var session = EmulatorSession.Start();

        // 2 messages, 5 + 11 = 16 chars: 6 + 4 = 10.
        using var doc = await session.PostJsonOkAsync("tokenizers/estimate-token-count",
            """{"model":"kimi-k2.6","messages":[{"role":"system","content":"12345"},{"role":"user","content":"hello world"}]}""");

        Assert.Equal(10, doc.RootElement.GetProperty("data").GetProperty("total_tokens").GetInt32());
    }
}
