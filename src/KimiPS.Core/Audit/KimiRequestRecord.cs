namespace KimiPS.Core;

/// <summary>What one HTTP request to the API did: the unit of the usage ledger and of the audit log.</summary>
public sealed class KimiRequestRecord
{
    /// <summary>When the request started (UTC).</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>The server's request id (Msh-Request-Id, trace_id or x-request-id), when it sent one.</summary>
    public string? RequestId { get; set; }

    /// <summary>The model the request named (after the model policy); null for requests without one (files, models, balance).</summary>
    public string? Model { get; set; }

    public string Method { get; set; } = "";

    /// <summary>The endpoint, relative to the BaseUri: <c>chat/completions</c>, <c>files</c>, <c>models</c>...</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The HTTP status of the last attempt; null when no response came (connection failure, timeout, cancellation).</summary>
    public int? StatusCode { get; set; }

    /// <summary>Attempts made, the first included (retries = Attempts - 1).</summary>
    public int Attempts { get; set; }

    /// <summary>From the start of the first attempt until the answer was read (for a stream: until it ended).</summary>
    public TimeSpan Duration { get; set; }

    public bool Streamed { get; set; }

    /// <summary>Tokens as the server reported them; for a cut stream, what it reported before the cut, else an estimate (<see cref="UsageEstimated"/>).</summary>
    public ChatUsage? Usage { get; set; }

    /// <summary>True when <see cref="Usage"/> is a local estimate (about 4 bytes a token): a stream cut before the server reported usage.</summary>
    public bool UsageEstimated { get; set; }

    /// <summary>Kimi's <c>$web_search</c> calls in the answer (each is billed).</summary>
    public int WebSearches { get; set; }

    public string? FinishReason { get; set; }

    /// <summary>The error id (catalogue) when the request failed; <c>OperationCanceled</c> when the caller cancelled it. Null on success.</summary>
    public string? ErrorId { get; set; }

    /// <summary>
    /// A throttled request (429) handed to the -ThrottleLimit scheduler, which runs it again as a new request: its
    /// attempts are retries of that request (Get-KimiUsage counts them so), not a failed request of their own. When
    /// the scheduler gives up instead, Get-KimiUsage counts the last one as the failed request (UsageLedger.GaveUp).
    /// </summary>
    public bool Requeued { get; set; }

    /// <summary>Whether the request failed for good (its retries included).</summary>
    public bool Failed => ErrorId != null && !Requeued;

    /// <summary>The JSON body sent (only when the observer asked for content; never for uploads).</summary>
    public string? RequestBody { get; set; }

    /// <summary>The answer text (only when the observer asked for content).</summary>
    public string? Answer { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Endpoint} {StatusCode?.ToString() ?? "-"} ({Attempts} attempt(s), {ErrorId ?? "ok"})";
}
