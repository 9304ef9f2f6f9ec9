using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.EmulatorTests;

public sealed class StandaloneTests
{
    [Fact]
    public async Task Control_endpoints_script_a_Kimi_error_and_report_counters_without_auth()
    {
        using var session = EmulatorSession.Start();
        using var control = new HttpClient { BaseAddress = session.Emulator.RootUri };

        using (var enqueued = await control.PostAsync("_emulator/enqueue", new StringContent(
            """{"status":429,"type":"rate_limit_reached_error","message":"slow down, please try again after 1 seconds","headers":{"Retry-After":"1"},"times":1,"pathContains":"chat"}""")))
            Assert.Equal(HttpStatusCode.OK, enqueued.StatusCode);
        using var models = await session.Http.GetAsync("models");
        using var chat = await session.PostJsonAsync("chat/completions", """{"model":"kimi-k2.6","messages":[{"role":"user","content":"hi"}]}""");
        using var counters = JsonDocument.Parse(await control.GetStringAsync("_emulator/counters"));

        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, chat.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), chat.Headers.RetryAfter?.Delta);
        Assert.Equal(2, counters.RootElement.GetProperty("requests").GetInt64());
        Assert.Equal(1, counters.RootElement.GetProperty("chatRequests").GetInt64());

        using (await control.PostAsync("_emulator/reset", null)) { }
        Assert.Equal(0, session.Emulator.Counters.Requests);
    }

    [Fact]
    public async Task Standalone_process_prints_the_base_uri_serves_and_stops_when_stdin_closes()
    {
        var dll = typeof(KimiEmulator).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            Assert.Matches(@"^KIMI_EMULATOR_BASEURI=http://127\.0\.0\.1:\d+/v1/$", line);

            using var http = new HttpClient { BaseAddress = new Uri(line!["KIMI_EMULATOR_BASEURI=".Length..]) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KimiEmulator.ApiKey);
            using var response = await http.GetAsync("models");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }
}
