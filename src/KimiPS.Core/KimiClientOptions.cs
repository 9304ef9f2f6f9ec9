using System.Net;

namespace KimiPS.Core;

/// <summary>How a <see cref="KimiClient"/> reaches the API. The key is never printed, logged or put in a message.</summary>
public sealed class KimiClientOptions
{
    /// <summary>The API root, ending in <c>/v1/</c> for Kimi or any path for a gateway. Default: <see cref="KimiEndpoints.China"/>.</summary>
    public Uri BaseUri { get; set; } = KimiEndpoints.China;

    /// <summary>The bearer key. Never appears in <see cref="ToString"/>, exceptions or diagnostics.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Retries after the first attempt for retryable failures. Default 2 (3 attempts).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Total time for a non-streaming request, and for a stream's response headers: every attempt and every wait
    /// between retries together. A retry whose wait would pass it is not made. Default 600 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>A stream that delivers no byte for this long fails with KimiTimeout. Default 120 s.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>A server-requested wait above this fails at once, with <see cref="KimiApiException.RetryAfter"/> set. Default 120 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>An explicit proxy. When null, HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured.</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>First backoff step; doubles per retry up to <see cref="MaxBackoff"/>. Default 0.5 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on our own (not server-requested) backoff. Default 8 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Largest single server-sent event accepted from a stream. Default 8 MiB.</summary>
    public int MaxEventBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Largest whole (non-streamed) response body accepted, after decompression. Default 32 MiB, far above any real
    /// answer: a server or proxy sending an endless body fails with KimiProtocolError instead of filling memory.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Told once about every request (status, attempts, duration, usage, errors): the hook for usage ledgers and
    /// audit logs. Null: nothing is recorded.
    /// </summary>
    public IKimiRequestObserver? RequestObserver { get; set; }

    /// <summary>Headers added to every request (a gateway's routing or tenant header). Never Authorization: <see cref="RequestHeaders.Check"/>.</summary>
    public IDictionary<string, string>? AdditionalHeaders { get; set; }

    /// <summary>
    /// Set for the client of a -ThrottleLimit queue (<see cref="OrderedWorkQueue{TIn, TOut}"/>): a 429 that asks to slow
    /// down is not retried here but handed to the scheduler at once, which pauses every item, halves its window and
    /// runs the item again within the same <see cref="MaxRetries"/> budget. One budget, not two stacked ones.
    /// </summary>
    internal bool ThrottlesRetriedByScheduler { get; set; }

    /// <summary>Tests only: the host asked when a key is rejected (default: the other Kimi platform).</summary>
    internal Uri? AlternateBaseUri { get; set; }

    /// <summary>A shallow copy, so a caller's later changes do not reach a client already built.</summary>
    public KimiClientOptions Clone() => (KimiClientOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => $"{BaseUri} key={Secrets.Mask(ApiKey)}";
}
