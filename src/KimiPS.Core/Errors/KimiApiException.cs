namespace KimiPS.Core;

/// <summary>The server answered with an error (HTTP status, or an error object inside a stream).</summary>
public class KimiApiException : KimiException
{
    public KimiApiException(string errorId, string category, string message, string? recommendedAction,
        int statusCode, string? errorType = null, string? errorCode = null, string? requestId = null,
        TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(errorId, category, message, recommendedAction, innerException)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        ErrorCode = errorCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status; 200 for an error object inside a stream.</summary>
    public int StatusCode { get; }
    /// <summary>Kimi's <c>error.type</c> (for example rate_limit_reached_error).</summary>
    public string? ErrorType { get; }
    /// <summary>A gateway's <c>error.code</c> (for example used_up).</summary>
    public string? ErrorCode { get; }
    /// <summary><c>Msh-Request-Id</c>, <c>trace_id</c> or <c>x-request-id</c>: quote it to support.</summary>
    public string? RequestId { get; }
    /// <summary>The wait the server asked for, when it asked.</summary>
    public TimeSpan? RetryAfter { get; }
    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; internal set; } = 1;
}
