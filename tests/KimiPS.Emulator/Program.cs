using System.Runtime.InteropServices;
using KimiPS.Emulator;

// Standalone mode for the Pester suite:
//   dotnet run --project tests/KimiPS.Emulator -- --urls http://127.0.0.1:0 [--ignore-stdin]
// Prints exactly one line, KIMI_EMULATOR_BASEURI=<base>, once listening; stops on Ctrl+C, SIGTERM
// or when stdin closes (so a parent that dies cannot leave it running), unless --ignore-stdin.
string? urls = null;
var watchStdin = true;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--urls" && i + 1 < args.Length) urls = args[++i];
    else if (args[i].StartsWith("--urls=", StringComparison.Ordinal)) urls = args[i]["--urls=".Length..];
    else if (args[i] == "--ignore-stdin") watchStdin = false;
}

await using var emulator = KimiEmulator.Start(new EmulatorOptions { Urls = urls });
Console.Out.WriteLine($"KIMI_EMULATOR_BASEURI={emulator.BaseUri}");
Console.Out.Flush();

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
if (watchStdin)
{
    _ = Task.Run(() =>
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (stdin.Read(buffer, 0, buffer.Length) > 0)
        {
        }
        stop.TrySetResult();
    });
}
await stop.Task;
