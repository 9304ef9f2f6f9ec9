using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KimiPS.Core;

/// <summary>
/// The opt-in audit log (Connect-Kimi -LogPath, or KIMIPS_LOG): one JSON object per line per request, appended.
/// Each line is built whole in memory and written with one write call while holding this process's lock for the
/// file and a named mutex (other processes), so writers from a -ThrottleLimit pipeline, other runspaces or other
/// processes never interleave partial lines. Every wait is bounded: a file held longer than
/// <see cref="LockWait"/> makes the line fail (a warning), never a hung request. The key is never written: records
/// arrive redacted (<see cref="RequestTrace"/>), and no header is logged.
/// </summary>
public sealed class AuditLog
{
    /// <summary>How long a writer waits for the file before giving up on a line.</summary>
    internal static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, FileGate> Gates = new(StringComparer.Ordinal);
    private readonly FileGate _gate;

    public AuditLog(string path, bool includeContent)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A log path is required.", nameof(path));
        Path = System.IO.Path.GetFullPath(path);
        IncludeContent = includeContent;
        _gate = Gates.GetOrAdd(KeyOf(Path), key => new FileGate(key));
    }

    /// <summary>The full path of the log file.</summary>
    public string Path { get; }

    /// <summary>Whether lines carry the request body and the answer text (-LogContent).</summary>
    public bool IncludeContent { get; }

    /// <summary>Appends the line of one request made over <paramref name="connection"/>.</summary>
    public void Write(KimiRequestRecord record, string connection) =>
        _gate.Append(Path, Line(record, connection, IncludeContent));

    /// <summary>
    /// Appends the line that ends a request the -ThrottleLimit scheduler was handed (<paramref name="requeued"/>, its last
    /// 429, already logged with <c>requeued: true</c>) and then gave up on: its fields again, with <c>requeued: false</c>
    /// and <c>gaveUp: true</c>, so the log says how it ended, as Get-KimiUsage counts it (a failed request).
    /// </summary>
    public void WriteGaveUp(KimiRequestRecord requeued, string connection) =>
        _gate.Append(Path, Line(requeued, connection, IncludeContent, gaveUp: true));

    /// <summary>The line's bytes, newline included. Fields: see README "Running in production".</summary>
    internal static byte[] Line(KimiRequestRecord r, string connection, bool includeContent, bool gaveUp = false)
    {
        using var buffer = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("time", r.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("connection", connection);
            Str(w, "requestId", r.RequestId);
            Str(w, "model", r.Model);
            w.WriteString("method", r.Method);
            w.WriteString("endpoint", r.Endpoint);
            if (r.StatusCode is { } status) w.WriteNumber("status", status); else w.WriteNull("status");
            w.WriteNumber("attempts", r.Attempts);
            w.WriteNumber("durationMs", Math.Round(r.Duration.TotalMilliseconds, 1));
            w.WriteBoolean("stream", r.Streamed);
            if (r.Usage is { } u)
            {
                w.WriteStartObject("usage");
                w.WriteNumber("promptTokens", u.PromptTokens);
                w.WriteNumber("cachedTokens", u.CachedTokens);
                w.WriteNumber("completionTokens", u.CompletionTokens);
                w.WriteNumber("totalTokens", u.TotalTokens);
                w.WriteBoolean("estimated", r.UsageEstimated);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("usage");
            }
            w.WriteNumber("webSearches", r.WebSearches);
            Str(w, "finishReason", r.FinishReason);
            Str(w, "errorId", r.ErrorId);
            w.WriteBoolean("requeued", r.Requeued && !gaveUp);
            w.WriteBoolean("gaveUp", gaveUp);
            if (includeContent)
            {
                Str(w, "request", r.RequestBody);
                Str(w, "answer", r.Answer);
            }
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    /// <summary>One gate per file: paths differing only in case are one file on Windows and macOS.</summary>
    private static string KeyOf(string fullPath) =>
        System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux) ? fullPath : fullPath.ToUpperInvariant();

    private sealed class FileGate
    {
        private readonly object _lock = new();
        private readonly string _mutexName;

        public FileGate(string key)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
            _mutexName = "KimiPS.AuditLog." + BitConverter.ToString(hash, 0, 16).Replace("-", "");
        }

        public void Append(string path, byte[] line)
        {
            if (!Monitor.TryEnter(_lock, LockWait)) throw Busy(path);
            try
            {
                using var mutex = OpenMutex();
                var owned = false;
                try
                {
                    try
                    {
                        owned = mutex?.WaitOne(LockWait) ?? true;
                    }
                    catch (AbandonedMutexException)
                    {
                        owned = true; // a writer died holding it; its line was one write, whole or absent
                    }
                    if (!owned) throw Busy(path);
                    using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096);
                    file.Write(line, 0, line.Length);
                }
                finally
                {
                    if (owned) mutex?.ReleaseMutex();
                }
            }
            finally
            {
                Monitor.Exit(_lock);
            }
        }

        /// <summary>The cross-process mutex, or null where named mutexes are not supported (then the in-process lock alone applies).</summary>
        private Mutex? OpenMutex()
        {
            try
            {
                return new Mutex(false, _mutexName);
            }
            catch (Exception ex) when (ex is NotSupportedException or PlatformNotSupportedException or IOException or UnauthorizedAccessException or WaitHandleCannotBeOpenedException)
            {
                return null;
            }
        }

        private static IOException Busy(string path) =>
            new(Msg.AuditLogBusy.Format(path, LockWait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)));
    }
}
