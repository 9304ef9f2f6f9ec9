namespace KimiPS.Core;

/// <summary>What <see cref="KimiClient.TestConnection"/> found: reachability, authentication, the key's platform, latency, balance.</summary>
public sealed class KimiConnectionTest
{
    public Uri BaseUri { get; set; } = KimiEndpoints.China;
    public bool Reachable { get; set; }
    public bool Authenticated { get; set; }
    /// <summary>China or Global when known; on a 401, the platform the key was found to belong to, if any.</summary>
    public string? KeyRegion { get; set; }
    public TimeSpan? Latency { get; set; }
    public KimiBalance? Balance { get; set; }
    /// <summary>The error id of the failure, when there was one.</summary>
    public string? ErrorId { get; set; }
    /// <summary>A sentence for people: what works, what does not, and what to do.</summary>
    public string Message { get; set; } = "";
    public bool Success => Reachable && Authenticated;

    /// <summary>The failure itself (its category and advice), for Connect-Kimi's error; not a property PowerShell shows.</summary>
    internal KimiException? Failure { get; set; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
