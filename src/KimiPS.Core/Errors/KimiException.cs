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

    /// <summary>A fixed id from <see cref="KimiErrorIds"/>.</summary>
    public string ErrorId { get; }
    /// <summary>The name of a System.Management.Automation.ErrorCategory value (see <see cref="KimiErrorCategories"/>).</summary>
    public string Category { get; }
    /// <summary>What to do about it.</summary>
    public string? RecommendedAction { get; }

    /// <summary>Whether the retry layer may try again.</summary>
    internal bool IsRetryable { get; set; }
}
