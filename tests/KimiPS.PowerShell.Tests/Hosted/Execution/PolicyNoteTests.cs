using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted.Execution;

/// <summary>ModelPolicy's notes (harmless rewrites) reach the client's Diagnostic event as Verbose lines.</summary>
public sealed class PolicyNoteTests
{
    [Fact]
    public void The_legacy_functions_rewrite_is_a_verbose_diagnostic_of_KimiClient_Chat()
    {
        using var hosted = HostedKimi.Start();
        const string script = """
            $options = [KimiPS.Core.KimiClientOptions]::new()
            $options.BaseUri = $baseUri
            $options.ApiKey = $key
            $client = [KimiPS.Core.KimiClient]::new($options)
            $lines = [System.Collections.Generic.List[string]]::new()
            $handler = [EventHandler[KimiPS.Core.KimiDiagnosticEventArgs]]{ param($s, $e) if ($e.Level -eq 'Verbose') { $lines.Add($e.Message) } }
            $client.add_Diagnostic($handler)
            $request = [KimiPS.Core.ChatRequest]::new()
            $request.Model = 'kimi-k2.6'
            $request.Messages = [System.Collections.Generic.List[KimiPS.Core.ChatMessage]]@([KimiPS.Core.ChatMessage]::User('add 1 and 2'))
            $request.Functions = [System.Collections.Generic.List[KimiPS.Core.ChatTool]]@([KimiPS.Core.ChatTool]::Function('add', 'Adds', '{"type":"object","properties":{}}'))
            # The request is prepared (and its notes raised) when ChatStream is called, on this thread; a script block
            # handler must not run on the thread pool, so it is removed before the stream is read.
            $chunks = $client.ChatStream($request, [Threading.CancellationToken]::None)
            $client.remove_Diagnostic($handler)
            $null = $chunks | Select-Object -Last 1
            $lines
            """;

        var run = hosted.Run(script, new Dictionary<string, object?> { ["baseUri"] = hosted.Emulator.BaseUri, ["key"] = KimiEmulator.ApiKey });

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        var lines = run.Output.Select(o => o.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("The legacy functions list (1) was sent as tools", StringComparison.Ordinal));
        Assert.Contains(hosted.Emulator.Requests, r => r.BodyText.Contains("\"tools\"") && !r.BodyText.Contains("\"functions\""));
    }
}
