using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KimiPS.Core;

namespace KimiPS.Mono.Tests;

/// <summary>
/// HTTP_PROXY / NO_PROXY, which .NET Framework ignores and the core therefore reads itself. The client's
/// HttpClient (and its proxy) is created once per process, so each case runs in a child process of ours
/// with its own environment (<see cref="ChildScenarios"/>).
/// </summary>
public static class ProxyTests
{
    [MonoTest]
    public static void HTTP_PROXY_from_the_environment_carries_the_requests()
    {
        using var proxy = ForwardProxy.Start();
        var child = RunChild("chat", ("HTTP_PROXY", proxy.Uri), ("NO_PROXY", null));
        Check.Equal(0, child.ExitCode, "the child's chat through the proxy: " + child.Output);
        Check.True(proxy.RequestLines.Any(line => line.Contains("/v1/chat/completions")), "the proxy forwarded the chat request; it saw: " + string.Join(" | ", proxy.RequestLines));
    }

    [MonoTest]
    public static void NO_PROXY_bypasses_it()
    {
        using var proxy = ForwardProxy.Start();
        var child = RunChild("chat", ("HTTP_PROXY", proxy.Uri), ("NO_PROXY", "127.0.0.1"));
        Check.Equal(0, child.ExitCode, "the child's chat: " + child.Output);
        Check.Equal(0, proxy.RequestLines.Count, "requests through the proxy");
    }

    [MonoTest]
    public static void An_unreachable_proxy_is_a_connection_failure()
    {
        var closedPort = FreePort();
        var child = RunChild("chat", ("HTTP_PROXY", $"http://127.0.0.1:{closedPort}"), ("NO_PROXY", null));
        Check.Equal(3, child.ExitCode, "the child's chat fails to connect: " + child.Output);
        Check.True(child.Output.Contains("KimiConnectionFailed"), "the error id: " + child.Output);
    }

    private static (int ExitCode, string Output) RunChild(string scenario, params (string Name, string? Value)[] environment)
    {
        var start = new ProcessStartInfo(Process.GetCurrentProcess().MainModule!.FileName, $"\"{typeof(Program).Assembly.Location}\" --child {scenario}")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.EnvironmentVariables["KIMI_EMULATOR_BASEURI"] = TestRunner.Emulator.BaseUri.ToString();
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy" }) start.EnvironmentVariables.Remove(name);
        foreach (var (name, value) in environment)
        {
            if (value is not null) start.EnvironmentVariables[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60000))
        {
            process.Kill();
            throw new Exception("The child did not finish within 60 s.");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A plain HTTP forward proxy on loopback: reads the request head, connects to the absolute URI's host, then pipes both ways.</summary>
    private sealed class ForwardProxy : IDisposable
    {
        private readonly TcpListener _listener;

        private ForwardProxy(TcpListener listener) => _listener = listener;

        public string Uri => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public List<string> RequestLines { get; } = new();

        public static ForwardProxy Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var proxy = new ForwardProxy(listener);
            new Thread(proxy.Accept) { IsBackground = true }.Start();
            return proxy;
        }

        private void Accept()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                new Thread(() => Serve(client)) { IsBackground = true }.Start();
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            {
                var downstream = client.GetStream();
                var head = new List<byte>();
                while (head.Count < 64 * 1024 && !EndsWithBlankLine(head))
                {
                    var b = downstream.ReadByte();
                    if (b < 0) return;
                    head.Add((byte)b);
                }
                var firstLine = Encoding.ASCII.GetString(head.ToArray()).Split('\r')[0];
                lock (RequestLines) RequestLines.Add(firstLine);
                var target = new Uri(firstLine.Split(' ')[1]);
                using var upstream = new TcpClient(target.Host, target.Port);
                var up = upstream.GetStream();
                up.Write(head.ToArray(), 0, head.Count);
                var back = new Thread(() => Pipe(up, downstream)) { IsBackground = true };
                back.Start();
                Pipe(downstream, up);
                back.Join(5000);
            }
        }

        private static bool EndsWithBlankLine(List<byte> head) =>
            head.Count >= 4 && head[head.Count - 4] == '\r' && head[head.Count - 3] == '\n' && head[head.Count - 2] == '\r' && head[head.Count - 1] == '\n';

        private static void Pipe(Stream from, Stream to)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = from.Read(buffer, 0, buffer.Length)) > 0) to.Write(buffer, 0, read);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
            {
                // one side closed
            }
        }

        public void Dispose() => _listener.Stop();
    }
}

/// <summary>What a child process of <see cref="ProxyTests"/> does: exit 0 on an answer, 3 with the error id on a Kimi error.</summary>
internal static class ChildScenarios
{
    public static int Run(string scenario)
    {
        if (scenario != "chat") return 2;
        var options = new KimiClientOptions
        {
            BaseUri = new Uri(Environment.GetEnvironmentVariable("KIMI_EMULATOR_BASEURI")!),
            ApiKey = Emulator.ApiKey,
            MaxRetries = 0,
        };
        using var client = new KimiClient(options);
        try
        {
            Console.WriteLine(client.Chat(ClientTests.Ask("through the proxy")).Content);
            return 0;
        }
        catch (KimiException e)
        {
            Console.WriteLine(e.ErrorId + ": " + e.Message);
            return 3;
        }
    }
}
