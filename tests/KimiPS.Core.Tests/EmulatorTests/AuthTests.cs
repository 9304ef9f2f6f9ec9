using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class AuthTests
{
    [Theory]
    [InlineData("sk-wrong")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_key_gets_Kimis_401(string? key)
    {
        using var session = EmulatorSession.Start();
        session.Http.DefaultRequestHeaders.Authorization = key is null ? null : new AuthenticationHeaderValue("Bearer", key);

        using var response = await session.Http.GetAsync("models");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_authentication_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("Invalid Authentication", body.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("emu-1", response.Headers.GetValues("Msh-Request-Id").Single());
    }

    [Fact]
    public async Task Auth_is_checked_before_a_scripted_response()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.Enqueue(EmulatorResponse.Json(200, "{}"));
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-wrong");

        using var response = await session.Http.GetAsync("models");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Accepted_keys_can_be_extended()
    {
        using var session = EmulatorSession.Start();
        session.Emulator.AcceptedKeys.Add("sk-second-key");
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-second-key");

        using var response = await session.Http.GetAsync("models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
