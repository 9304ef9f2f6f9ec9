namespace KimiPS.Core;

/// <summary>One row of the error catalogue: how an error id is presented and whether it may be retried.</summary>
internal sealed class CatalogEntry
{
    public CatalogEntry(string category, bool isRetryable, string summary, string recommendedAction)
    {
        Category = category;
        IsRetryable = isRetryable;
        Summary = summary;
        RecommendedAction = recommendedAction;
    }

    /// <summary>The name of a System.Management.Automation.ErrorCategory value.</summary>
    public string Category { get; }
    /// <summary>The default for the retry layer; a few builders override it (an idle stream is not retried).</summary>
    public bool IsRetryable { get; }
    /// <summary>"What happened", the start of the message, without a final full stop.</summary>
    public string Summary { get; }
    /// <summary>What the user should do; English renderings of the seeds' solution columns.</summary>
    public string RecommendedAction { get; }
}
