using System.Net.Http;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace KimiPS.Mono.Tests;

/// <summary>
/// The emulator in its own .NET 10 process (Kestrel does not run on Mono), driven through its
/// /_emulator/ control endpoints. It stops when our end of its stdin closes.
/// </summary>
internal sealed class Emulator : IDisposable
{
    public const string ApiKey = "sk-emulator-0123456789abcdef";

    private static readonly HttpClient Control = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Process _process;

    private Emulator(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    /// <summary>http://127.0.0.1:PORT/v1/</summary>
    public Uri BaseUri { get; }

    public static Emulator Start(string repoRoot)
    {
        var dll = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(repoRoot, "tests", "KimiPS.Emulator", "bin", c, "net10.0", "KimiPS.Emulator.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault() ?? throw new InvalidOperationException("The emulator is not built: run dotnet build -c Release KimiPS.sln first.");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:0")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(TimeSpan.FromSeconds(60)) || read.Result is null || !read.Result.StartsWith("KIMI_EMULATOR_BASEURI=", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("The emulator did not start: " + (read.IsCompleted ? read.Result : "no answer in 60 s"));
        }
        _ = process.StandardOutput.ReadToEndAsync();   // never let it block on a full pipe
        return new Emulator(process, new Uri(read.Result.Substring("KIMI_EMULATOR_BASEURI=".Length)));
    }

    public void Reset() => Post("reset", "{}");

    /// <summary>Queues a scripted answer or fault: the JSON of the control endpoint (ControlEndpoints.Enqueue).</summary>
    public void Enqueue(string json) => Post("enqueue", json);

    public long Counter(string name)
    {
        var json = Control.GetStringAsync(new Uri(BaseUri, "/_emulator/counters")).GetAwaiter().GetResult();
        var match = Regex.Match(json, "\"" + name + "\":(\\d+)");
        if (!match.Success) throw new InvalidOperationException($"No counter {name} in {json}");
        return long.Parse(match.Groups[1].Value);
    }

    private void Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = Control.PostAsync(new Uri(BaseUri, "/_emulator/" + path), content).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/_emulator/{path}: HTTP {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10000)) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }
}
