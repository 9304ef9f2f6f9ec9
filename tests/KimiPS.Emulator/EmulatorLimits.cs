namespace KimiPS.Emulator;

/// <summary>
/// Account limits the emulator enforces like Kimi does (429 <c>rate_limit_reached_error</c>).
/// Settable at any time; a change applies to the next request.
/// </summary>
public sealed class EmulatorLimits
{
    /// <summary>Requests answered at the same time; one more is rejected. Null = unlimited.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Requests accepted in any sliding 60-second window. Null = unlimited.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>A delay applied to every accepted request before it is answered (it counts as active meanwhile).</summary>
    public TimeSpan Latency { get; set; }
}
