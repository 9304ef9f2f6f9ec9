namespace KimiPS.Core;

/// <summary>How loud a diagnostic is; the module maps these to PowerShell's streams.</summary>
public enum KimiDiagnosticLevel
{
    /// <summary>Timings, retries, raw decisions (Write-Debug).</summary>
    Debug,
    /// <summary>Method and URL of each request, never headers (Write-Verbose).</summary>
    Verbose,
    /// <summary>Something the caller asked for was changed: a dropped parameter, a retired model, a back-off (Write-Warning).</summary>
    Warning,
}

/// <summary>A message from the client about what it did. Never carries the API key.</summary>
public sealed class KimiDiagnosticEventArgs : EventArgs
{
    public KimiDiagnosticEventArgs(KimiDiagnosticLevel level, string message)
    {
        Level = level;
        Message = message;
    }

    public KimiDiagnosticLevel Level { get; }
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Level}: {Message}";
}
