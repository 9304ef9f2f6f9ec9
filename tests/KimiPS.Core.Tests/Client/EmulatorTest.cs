using KimiPS.Core;
using KimiPS.Emulator;

namespace KimiPS.Core.Tests.Client;

/// <summary>A fresh emulator per test, and a client wired to it with short backoffs so retry tests stay quick.</summary>
public abstract class EmulatorTest : IDisposable
{
    protected EmulatorTest() => Emulator = KimiEmulator.Start();

    protected KimiEmulator Emulator { get; }
    protected List<KimiDiagnosticEventArgs> Diagnostics { get; } = new();
    protected IEnumerable<string> Warnings => Diagnostics.Where(d => d.Level == KimiDiagnosticLevel.Warning).Select(d => d.Message);

    protected KimiClient Client(Action<KimiClientOptions>? configure = null)
    {
        var options = new KimiClientOptions
        {
            BaseUri = Emulator.BaseUri,
            ApiKey = KimiEmulator.ApiKey,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(40),
        };
        configure?.Invoke(options);
        var client = new KimiClient(options);
        client.Diagnostic += (_, e) => { lock (Diagnostics) Diagnostics.Add(e); };
        return client;
    }

    protected static ChatRequest Ask(string prompt, string model = "kimi-k2.6") => new(model, ChatMessage.User(prompt));

    protected long ChatRequests => Emulator.Counters.ChatRequests;

    /// <summary>Asserts the key appears nowhere a person could read it.</summary>
    protected static void AssertNoKey(Exception ex)
    {
        Assert.DoesNotContain(KimiEmulator.ApiKey, ex.ToString());
        if (ex is KimiException kimi) Assert.DoesNotContain(KimiEmulator.ApiKey, kimi.RecommendedAction ?? "");
    }

    public virtual void Dispose() => Emulator.Dispose();
}
