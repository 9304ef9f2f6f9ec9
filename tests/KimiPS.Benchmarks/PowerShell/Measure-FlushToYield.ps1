# Run from the repository root after dotnet build -c Release KimiPS.sln:
#   dotnet pwsh -NoProfile -File tests/KimiPS.Benchmarks/PowerShell/Measure-FlushToYield.ps1 -Count 1000
# Flush-to-yield latency through PowerShell: a loopback SSE server (C#, its own thread) sends N numbered chunks,
# 2 ms apart, stamping Stopwatch.GetTimestamp() after each send; the pipeline stamps each ChatChunk as
# ForEach-Object receives it. The difference includes the worker -> dispatcher -> pipeline-thread hop.
param([int] $Count = 1000, [string] $Manifest = 'out/KimiPS/KimiPS.psd1')
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System; using System.Diagnostics; using System.Net; using System.Net.Sockets; using System.Text; using System.Threading;
public static class FlushServer {
    public static long[] Flushed;
    public static int Port;
    static TcpListener _listener;
    public static void Start(int count) {
        Flushed = new long[count];
        _listener = new TcpListener(IPAddress.Loopback, 0); _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        new Thread(() => { while (true) { var s = _listener.AcceptSocket(); s.NoDelay = true; Serve(s); } }) { IsBackground = true }.Start();
    }
    static void Serve(Socket s) {
        var buf = new byte[65536]; var req = new StringBuilder();
        while (true) { int n = s.Receive(buf); req.Append(Encoding.ASCII.GetString(buf, 0, n));
            var text = req.ToString(); int end = text.IndexOf("\r\n\r\n");
            if (end < 0) continue;
            int len = 0; foreach (var line in text.Substring(0, end).Split('\n')) if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) len = int.Parse(line.Substring(15).Trim());
            if (Encoding.ASCII.GetByteCount(text) - end - 4 >= len) break; }
        Send(s, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < Flushed.Length; i++) {
            Send(s, "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"#" + i + " \"}}]}\n\n");
            Flushed[i] = Stopwatch.GetTimestamp();
            Thread.Sleep(2);
        }
        Send(s, "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2.6\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        s.Shutdown(SocketShutdown.Both); s.Close();
    }
    static void Send(Socket s, string text) { var b = Encoding.UTF8.GetBytes(text); int o = 0; while (o < b.Length) o += s.Send(b, o, b.Length - o, SocketFlags.None); }
}
'@
Import-Module (Resolve-Path $Manifest)
function Measure-Run([int] $n, [switch] $Direct) {
    [FlushServer]::Start($n)
    $base = "http://127.0.0.1:$([FlushServer]::Port)/v1/"
    $yielded = [long[]]::new($n)
    if ($Direct) {
        # Baseline without the hop: KimiClient.ChatStream enumerated on the pipeline thread itself.
        $o = [KimiPS.Core.KimiClientOptions]::new(); $o.BaseUri = $base; $o.ApiKey = 'sk-latency-0123456789abcdef'
        $client = [KimiPS.Core.KimiClient]::new($o)
        $r = [KimiPS.Core.ChatRequest]::new(); $r.Model = 'kimi-k2.6'
        $r.Messages = [System.Collections.Generic.List[KimiPS.Core.ChatMessage]]@([KimiPS.Core.ChatMessage]::User('numbers'))
        $client.ChatStream($r, [Threading.CancellationToken]::None) | ForEach-Object {
            $t = [Diagnostics.Stopwatch]::GetTimestamp()
            if ($_.Content -match '^#(\d+) $') { $yielded[[int]$Matches[1]] = $t }
        }
    } else {
        Connect-Kimi -ApiKey (ConvertTo-SecureString 'sk-latency-0123456789abcdef' -AsPlainText -Force) -BaseUri $base -SkipValidation
        Invoke-KimiChat 'numbers' -Stream -Model kimi-k2.6 | ForEach-Object {
            $t = [Diagnostics.Stopwatch]::GetTimestamp()
            if ($_.Content -match '^#(\d+) $') { $yielded[[int]$Matches[1]] = $t }
        }
    }
    $deltas = for ($i = 0; $i -lt $n; $i++) { if ($yielded[$i] -and [FlushServer]::Flushed[$i]) { ($yielded[$i] - [FlushServer]::Flushed[$i]) * 1000.0 / [Diagnostics.Stopwatch]::Frequency } }
    $sorted = @($deltas | Sort-Object)
    [pscustomobject][ordered]@{ Chunks = $sorted.Count; MedianMs = [math]::Round($sorted[[int]($sorted.Count / 2)], 3); P99Ms = [math]::Round($sorted[[int]($sorted.Count * 0.99)], 3); MaxMs = [math]::Round($sorted[-1], 3) }
}
$null = Measure-Run 100; $null = Measure-Run 100 -Direct   # warm-up (JIT)
foreach ($round in 1..2) {
    Measure-Run $Count | Add-Member -PassThru Path 'Invoke-KimiChat -Stream (worker + dispatcher hop)'
    Measure-Run $Count -Direct | Add-Member -PassThru Path 'KimiClient.ChatStream on the pipeline thread (no hop)'
}
