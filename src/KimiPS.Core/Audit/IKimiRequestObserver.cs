namespace KimiPS.Core;

/// <summary>
/// Told once about every HTTP request a <see cref="KimiClient"/> makes (<see cref="KimiClientOptions.RequestObserver"/>):
/// when its answer has been read, when it failed for good (after its retries), or, for a stream, when the stream
/// ended, was cut or was abandoned. Called on the thread that made the request, possibly on several at once:
/// implementations must be thread-safe and quick. An exception thrown here does not fail the request; the client
/// turns it into a warning.
/// </summary>
public interface IKimiRequestObserver
{
    /// <summary>Whether records should carry the request body and the answer text (costs a copy of each).</summary>
    bool IncludeContent { get; }

    /// <summary>One finished request. The API key is never in it: every text has been redacted.</summary>
    void OnRequest(KimiRequestRecord record);
}
