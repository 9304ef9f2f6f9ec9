namespace KimiPS;

/// <summary>
/// Invoke-KimiChat -LiveText: whether a -Stream answer is rendered on the host as flowing text. The values follow
/// PowerShell's own tri-states for "decide, or force either way" ($PSStyle.OutputRendering, ConvertTo-Csv -UseQuotes).
/// </summary>
public enum LiveTextMode
{
    /// <summary>Rendered when the command is the last of its pipeline in an interactive host whose output is not redirected.</summary>
    Auto,
    /// <summary>Always rendered; the output is the ChatCompletion only (no ChatChunk objects).</summary>
    Always,
    /// <summary>Never rendered; ChatChunk objects are written as they arrive.</summary>
    Never,
}
