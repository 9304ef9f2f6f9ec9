using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KimiPS.Benchmarks;

/// <summary>
/// A deliberately tiny HTTP/1.1 server on 127.0.0.1 for the stream measurements. Unlike the Kestrel
/// emulator it allocates almost nothing per response and burns no CPU per chunk, so the process-wide
/// allocation counter and the timings belong to the client under test. It reads the request head
/// (and a Content-Length body), answers 200 text/event-stream with Connection: close, lets
/// <see cref="Responder"/> write the body, and closes. Connections are served one at a time.
/// With <see cref="KeepAliveBody"/> it answers every request of a connection with that body and its Content-Length
/// instead, and keeps the connection open for the next request, as an API does for a client that pools connections.
/// </summary>
internal sealed class LoopbackSseServer : IDisposable
{
    private static readonly byte[] Head = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n" +
        "x-request-id: bench-0001\r\nConnection: close\r\n\r\n");
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "content-length:"u8.ToArray();

    private readonly Socket _listener;
    private readonly Thread _thread;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private volatile bool _stopped;

    public LoopbackSseServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _thread = new Thread(Serve) { IsBackground = true, Name = "loopback-sse" };
        _thread.Start();
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT/v1/</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/v1/");

    /// <summary>Writes the response body to the connected socket (headers are already sent).</summary>
    public Action<Socket> Responder { get; set; } = _ => { };

    public int Connections { get; private set; }

    /// <summary>When set, the body of every response, sent with its Content-Length on a connection kept open.</summary>
    public byte[]? KeepAliveBody { get; set; }

    /// <summary>Writes <paramref name="body"/> in large sends.</summary>
    public static Action<Socket> WriteAll(byte[] body, int sendSize = 64 * 1024) => socket =>
    {
        for (var offset = 0; offset < body.Length; offset += sendSize)
            SendAll(socket, body, offset, Math.Min(sendSize, body.Length - offset));
    };

    public static void SendAll(Socket socket, byte[] bytes, int offset, int count)
    {
        while (count > 0)
        {
            var sent = socket.Send(bytes, offset, count, SocketFlags.None);
            offset += sent;
            count -= sent;
        }
    }

    private void Serve()
    {
        while (!_stopped)
        {
            Socket client;
            try { client = _listener.Accept(); }
            catch (SocketException) { return; }
            catch (ObjectDisposedException) { return; }
            Connections++;
            try
            {
                client.NoDelay = true;
                if (KeepAliveBody is { } body)
                {
                    ServeKeptAlive(client, body);
                    continue;
                }
                if (!ReadRequest(client)) continue;
                SendAll(client, Head, 0, Head.Length);
                Responder(client);
                client.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The client went away (e.g. it stopped enumerating early): nothing to report.
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Answers the requests of one connection until the client closes it.</summary>
    private void ServeKeptAlive(Socket client, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n" +
            $"x-request-id: bench-0001\r\nContent-Length: {body.Length}\r\n\r\n");
        while (!_stopped && ReadRequest(client))
        {
            SendAll(client, head, 0, head.Length);
            SendAll(client, body, 0, body.Length);
        }
    }

    /// <summary>Reads the head and, if any, the Content-Length body; false when the client closed first.</summary>
    private bool ReadRequest(Socket client)
    {
        var filled = 0;
        int headEnd;
        while ((headEnd = _buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
        {
            if (filled == _buffer.Length) throw new InvalidOperationException("request head larger than 64 KB");
            var read = client.Receive(_buffer, filled, _buffer.Length - filled, SocketFlags.None);
            if (read == 0) return false;
            filled += read;
        }
        headEnd += HeaderEnd.Length;
        long remaining = BodyLength(_buffer.AsSpan(0, headEnd)) - (filled - headEnd);
        while (remaining > 0)
        {
            var read = client.Receive(_buffer, 0, (int)Math.Min(_buffer.Length, remaining), SocketFlags.None);
            if (read == 0) return false;
            remaining -= read;
        }
        return true;
    }

    private static long BodyLength(ReadOnlySpan<byte> head)
    {
        // Case-insensitive search for "content-length:" without allocating a string.
        for (var i = 0; i + ContentLength.Length <= head.Length; i++)
        {
            if (i > 0 && head[i - 1] != (byte)'\n') continue;
            var match = true;
            for (var j = 0; j < ContentLength.Length && match; j++)
                match = (head[i + j] | 0x20) == ContentLength[j] || head[i + j] == ContentLength[j];
            if (!match) continue;
            long value = 0;
            for (var k = i + ContentLength.Length; k < head.Length && head[k] != (byte)'\r'; k++)
                if (head[k] is >= (byte)'0' and <= (byte)'9') value = value * 10 + (head[k] - '0');
            return value;
        }
        return 0;
    }

    public void Dispose()
    {
        _stopped = true;
        _listener.Dispose();
        _thread.Join(TimeSpan.FromSeconds(2));
    }
}
