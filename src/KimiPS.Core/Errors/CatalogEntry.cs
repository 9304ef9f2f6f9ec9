namespace KimiPS.Core;

/// <summary>One row of the error catalogue: how an error id is presented and whether it may be retried.</summary>
internal sealed class CatalogEntry
{
    public CatalogEntry(string category, bool isRetryable, LocalizedText summary, LocalizedText recommendedAction)
    {
        Category = category;
        IsRetryable = isRetryable;
        _summary = summary;
        _recommendedAction = recommendedAction;
    }

    /// <summary>The name of a System.Management.Automation.ErrorCategory value.</summary>
    public string Category { get; }
    /// <summary>The default for the retry layer; a few builders override it (an idle stream is not retried).</summary>
    public bool IsRetryable { get; }
    private readonly LocalizedText _summary;
    private readonly LocalizedText _recommendedAction;

    /// <summary>"What happened", the start of the message, without a final full stop; in the reading thread's UI language.</summary>
    public string Summary => _summary;
    /// <summary>What the user should do, from the seeds' solution columns; in the reading thread's UI language.</summary>
    public string RecommendedAction => _recommendedAction;
}
