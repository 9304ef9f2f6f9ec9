using KimiPS.Emulator;

namespace KimiPS.PowerShell.Tests.Hosted.ChatRun;

/// <summary>Scripted emulator answers used by the Invoke-KimiChat run tests.</summary>
internal static class Faults
{
    public static EmulatorResponse With(EmulatorResponse response, Action<EmulatorResponse> set)
    {
        set(response);
        response.PathContains ??= "chat/completions";
        return response;
    }

    public static EmulatorResponse RateLimited(int retryAfterSeconds, int times = 1) =>
        With(EmulatorResponse.KimiError(429, "rate_limit_reached_error",
            "Your account reached its max RPM, please try again later", ("Retry-After", retryAfterSeconds.ToString())), r => r.Times = times);

    public static EmulatorResponse ServerError(int times = 1) =>
        With(EmulatorResponse.KimiError(500, "server_error", "The server had an error"), r => r.Times = times);

    /// <summary>A long streamed (or JSON) answer whose chunks arrive <paramref name="pause"/> apart.</summary>
    public static EmulatorResponse SlowAnswer(TimeSpan pause, int chars = 4000) =>
        With(EmulatorResponse.Chat(new ChatScript { Content = new string('Z', chars) }), r => r.DelayBetweenWrites = pause);

    /// <summary>A stream that sends some chunks and then nothing, keeping the connection open.</summary>
    public static EmulatorResponse StalledStream(int afterBytes = 400) =>
        With(EmulatorResponse.Chat(new ChatScript { Content = new string('Y', 400) }), r => { r.CutAfterBytes = afterBytes; r.StallAfterCut = true; });
}

/// <summary>Reading module objects, whose types live in the staged module (this project does not reference it).</summary>
internal static class PSObjectRead
{
    public static string? Prop(this System.Management.Automation.PSObject o, string name) => o.Properties[name]?.Value?.ToString();

    public static object? Value(this System.Management.Automation.PSObject o, string name) => o.Properties[name]?.Value;

    public static string TypeName(this System.Management.Automation.PSObject o) => o.BaseObject.GetType().FullName!;
}
