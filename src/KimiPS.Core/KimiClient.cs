namespace KimiPS.Core;

/// <summary>
/// The Kimi API client. Thread-safe; cheap to create (connections are pooled per proxy setting
/// across all clients in the process). Synchronous methods are the primary surface because
/// PowerShell cmdlets are synchronous; they never block on a captured synchronization context.
/// </summary>
public sealed partial class KimiClient : IDisposable
{
    private readonly KimiClientOptions _options;
    private readonly KimiHttp _http;

    public KimiClient(KimiClientOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        _options = options.Clone();
        Endpoint.Validate(_options.BaseUri, nameof(KimiClientOptions.BaseUri));
        if (_options.MaxRetries < 0) throw Errors.InvalidParameter(nameof(KimiClientOptions.MaxRetries), "must not be negative", "Use 0 to disable retries.");
        CheckLimit(_options.RequestTimeout, nameof(KimiClientOptions.RequestTimeout));
        CheckLimit(_options.StreamIdleTimeout, nameof(KimiClientOptions.StreamIdleTimeout));
        if (_options.MaxEventBytes <= 0) throw Errors.InvalidParameter(nameof(KimiClientOptions.MaxEventBytes), "must be positive", "Leave it at its default of 8 MiB unless a server sends larger events.");
        _options.AdditionalHeaders = RequestHeaders.Check(_options.AdditionalHeaders, nameof(KimiClientOptions.AdditionalHeaders));
        _http = new KimiHttp(_options, Emit);
    }

    /// <summary>
    /// A timeout must be positive and fit a timer (under about 24.8 days), or be infinite; otherwise it
    /// would fail every call later with an ArgumentOutOfRangeException instead of a clear error now.
    /// </summary>
    private static void CheckLimit(TimeSpan value, string name)
    {
        if (value == Timeout.InfiniteTimeSpan || (value > TimeSpan.Zero && value.TotalMilliseconds <= int.MaxValue)) return;
        throw Errors.InvalidParameter(name, $"is {value}, which is not a usable time limit",
            "Use a positive time span up to 24 days, or Timeout.InfiniteTimeSpan for no limit.");
    }

    /// <summary>Warnings (changed or dropped parameters, retired models, back-off), verbose and debug lines.</summary>
    public event EventHandler<KimiDiagnosticEventArgs>? Diagnostic;

    /// <summary>The options this client was built with (a copy; changing it has no effect).</summary>
    public KimiClientOptions Options => _options.Clone();

    internal void Emit(KimiDiagnosticLevel level, string message) =>
        Diagnostic?.Invoke(this, new KimiDiagnosticEventArgs(level, Secrets.Redact(message, _options.ApiKey)));

    internal void Warn(string message) => Emit(KimiDiagnosticLevel.Warning, message);

    /// <inheritdoc />
    public void Dispose()
    {
        // The HttpClient is shared by every client with the same proxy setting; nothing to release here.
    }
}
