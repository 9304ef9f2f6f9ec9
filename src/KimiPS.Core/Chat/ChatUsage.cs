namespace KimiPS.Core;

/// <summary>Token counts. <see cref="CachedTokens"/> comes from Kimi's top-level <c>usage.cached_tokens</c>
/// (or a gateway's <c>prompt_tokens_details.cached_tokens</c>).</summary>
public sealed class ChatUsage
{
    public int PromptTokens { get; internal set; }
    public int CompletionTokens { get; internal set; }
    public int TotalTokens { get; internal set; }
    public int CachedTokens { get; internal set; }

    /// <summary>The sum of two usages (continuations and follow-up rounds of one answer).</summary>
    public static ChatUsage? Add(ChatUsage? a, ChatUsage? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        return new ChatUsage
        {
            PromptTokens = a.PromptTokens + b.PromptTokens,
            CompletionTokens = a.CompletionTokens + b.CompletionTokens,
            TotalTokens = a.TotalTokens + b.TotalTokens,
            CachedTokens = a.CachedTokens + b.CachedTokens,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"prompt {PromptTokens} (cached {CachedTokens}) + completion {CompletionTokens} = {TotalTokens}";
}
