namespace KimiPS.Core;

/// <summary>
/// Every failure of the client. <see cref="ErrorId"/> is stable (scripts branch on it);
/// <see cref="Category"/> is the name of a PowerShell ErrorCategory value. Messages never contain the API key.
/// </summary>
public class KimiException : Exception
{
    public KimiException(string errorId, string category, string message, string? recommendedAction = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
        RecommendedAction = recommendedAction;
    }

    private string? _note;

    /// <summary>The message, with the retry layer's note when it added one (why a retryable failure was not retried).</summary>
    public override string Message => _note is null ? base.Message : base.Message + " " + _note;

    /// <summary>The retry layer's sentence on why it did not retry (see <see cref="RetryDecision.Note"/>).</summary>
    internal void AddNote(string note) => _note = note;

    /// <summary>A fixed id from <see cref="KimiErrorIds"/>.</summary>
    public string ErrorId { get; }
    /// <summary>The name of a System.Management.Automation.ErrorCategory value (see <see cref="KimiErrorCategories"/>).</summary>
    public string Category { get; }
    /// <summary>What to do about it.</summary>
    public string? RecommendedAction { get; }

    /// <summary>
    /// For a failed answer stream (cut, error event, idle timeout, protocol error): the text of the answer received
    /// before the failure (a Partial Mode prefix included; "" when nothing came). Null for a failure that is not one
    /// of an answer in progress.
    /// </summary>
    public virtual string? PartialContent => _partialContent;

    /// <summary>With <see cref="PartialContent"/>: the reasoning received before the failure; null when there was none.</summary>
    public string? PartialReasoning { get; private set; }

    private string? _partialContent;

    /// <summary>Keeps what a failed answer had delivered (the stream reader and the rounds engine call this, nothing else).</summary>
    internal void KeepPartial(string content, string? reasoning)
    {
        _partialContent = content;
        PartialReasoning = reasoning;
    }

    /// <summary>Whether the retry layer may try again.</summary>
    internal bool IsRetryable { get; set; }

    /// <summary>
    /// The record of a 429 the HTTP layer handed to the -ThrottleLimit scheduler (counted as a retry, since the
    /// scheduler sends it again); when the scheduler gives up instead, <see cref="ScheduledRetries.GaveUp"/> counts it
    /// as the failed request it turned out to be. Null for every other failure, and once counted.
    /// </summary>
    internal KimiRequestRecord? RequeuedRecord;
}
