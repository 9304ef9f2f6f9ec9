using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.EmulatorTests;

/// <summary>One emulator plus a plain HttpClient (not KimiPS.Core) pointed at its /v1/ base with the accepted key.</summary>
internal sealed class EmulatorSession : IDisposable
{
    private EmulatorSession(KimiEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KimiEmulator.ApiKey);
    }

    public KimiEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static EmulatorSession Start() => new(KimiEmulator.Start());

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonDocument> PostJsonOkAsync(string path, string json)
    {
        using var response = await PostJsonAsync(path, json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    public async Task<JsonDocument> GetJsonOkAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    /// <summary>The JSON payloads of a stream's <c>data:</c> events, <c>[DONE]</c> included as a string.</summary>
    public static List<string> DataEvents(string sse) =>
        sse.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.StartsWith("data: ", StringComparison.Ordinal) ? e["data: ".Length..] : throw new Xunit.Sdk.XunitException("not a data event: " + e))
            .ToList();

    public void Dispose()
    {
        Http.Dispose();
        Emulator.Dispose();
    }
}
