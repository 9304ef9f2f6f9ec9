namespace KimiPS.Core;

/// <summary>
/// A model's price as the user gives it (Set-KimiPrice): KimiPS has no price list of its own, because prices change
/// and differ by platform and contract. Amounts per million tokens, and per web search.
/// </summary>
public sealed class KimiPrice
{
    /// <summary>The model id, or <c>*</c> for every model without a price of its own.</summary>
    public string Model { get; set; } = "";

    /// <summary>True for the price of batch requests (Set-KimiPrice -Batch), which costs the batch rows of Get-KimiUsage only.</summary>
    public bool Batch { get; set; }

    public decimal InputPerMillion { get; set; }

    /// <summary>Prompt tokens served from the context cache; defaults to <see cref="InputPerMillion"/>.</summary>
    public decimal CachedInputPerMillion { get; set; }

    public decimal OutputPerMillion { get; set; }

    public decimal PerWebSearch { get; set; }

    /// <summary>The currency the amounts are in (CNY, USD); empty: whatever the connection's is.</summary>
    public string Currency { get; set; } = "";

    /// <summary>What a row's usage costs at this price.</summary>
    public decimal CostOf(KimiUsage usage)
    {
        var uncached = Math.Max(0, usage.PromptTokens - usage.CachedPromptTokens);
        return (uncached * InputPerMillion + usage.CachedPromptTokens * CachedInputPerMillion + usage.CompletionTokens * OutputPerMillion) / 1_000_000m
               + usage.WebSearches * PerWebSearch;
    }

    /// <summary>The model as Get-KimiUsage's view names it: a batch price is marked, as its rows are.</summary>
    private string Label => Batch ? Model + " (batch)" : Model;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Label}: input {InputPerMillion}, cached {CachedInputPerMillion}, output {OutputPerMillion} per million tokens, {PerWebSearch} per web search {Currency}".TrimEnd();
}
