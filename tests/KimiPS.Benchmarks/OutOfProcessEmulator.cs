using System.Diagnostics;

namespace KimiPS.Benchmarks;

/// <summary>
/// The emulator in its own process (<c>dotnet KimiPS.Emulator.dll --urls http://127.0.0.1:0</c>), so that
/// an upload's allocation counter in this process holds only the client's. The emulator stops when its
/// stdin closes; <see cref="Dispose"/> closes it and waits.
/// </summary>
internal sealed class OutOfProcessEmulator : IDisposable
{
    private const string Marker = "KIMI_EMULATOR_BASEURI=";
    private readonly Process _process;

    private OutOfProcessEmulator(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>Null (with the reason) when the emulator's dll is not next to this one or does not start.</summary>
    public static OutOfProcessEmulator? TryStart(out string? why)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KimiPS.Emulator.dll");
        if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            why = $"{dll} (with its runtimeconfig.json) not found";
            return null;
        }
        var start = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        var process = Process.Start(start)!;
        var line = Task.Run(() =>
        {
            string? l;
            while ((l = process.StandardOutput.ReadLine()) != null)
                if (l.StartsWith(Marker, StringComparison.Ordinal)) return l;
            return null;
        });
        if (!line.Wait(TimeSpan.FromSeconds(30)) || line.Result is null)
        {
            Stop(process);
            why = "the standalone emulator did not print its base URI within 30 s";
            return null;
        }
        why = null;
        return new OutOfProcessEmulator(process, new Uri(line.Result[Marker.Length..].Trim()));
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        try { process.StandardInput.Close(); } catch (IOException) { }
        if (!process.WaitForExit(10_000)) process.Kill(entireProcessTree: true); // only the process we started
        process.Dispose();
    }
}
