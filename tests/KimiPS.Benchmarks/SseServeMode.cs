namespace KimiPS.Benchmarks;

/// <summary>
/// --serve-sse N [--keep-alive]: serves one pre-built N-chunk Kimi stream (the decode benchmark's payload) to every
/// request, from its own process, until stdin closes; with --keep-alive on connections kept open (Content-Length). The PowerShell benchmark streams from it, so the figure is the module's
/// and PowerShell's, not the emulator's rendering of each chunk. Prints KIMI_SSE_BASEURI=&lt;base&gt; once listening.
/// </summary>
internal static class SseServeMode
{
    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--serve-sse");
        var chunks = at + 1 < args.Length && int.TryParse(args[at + 1], out var n) ? n : 10_000;
        var payload = KimiStreamPayload.Build(chunks);
        using var server = new LoopbackSseServer();
        if (args.Contains("--keep-alive")) server.KeepAliveBody = payload.Bytes;
        else server.Responder = LoopbackSseServer.WriteAll(payload.Bytes);
        Console.Out.WriteLine($"KIMI_SSE_BASEURI={server.BaseUri}");
        Console.Out.Flush();
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (stdin.Read(buffer, 0, buffer.Length) > 0)
        {
        }
        return 0;
    }
}
