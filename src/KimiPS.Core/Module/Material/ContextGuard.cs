using System.Globalization;

namespace KimiPS.Core;

/// <summary>
/// The size guard: a request whose estimated prompt (plus -MaxTokens) cannot fit the model's context fails
/// before it is sent, with <see cref="KimiErrorIds.ContextLengthExceeded"/>, instead of costing a round trip and
/// ending in the server's 400. The estimate is local (<see cref="TokenEstimate"/>: about 4 bytes a token); the
/// context length comes from /v1/models (<see cref="ModelContextCache"/>). When it is not known, the server decides.
/// </summary>
internal static class ContextGuard
{
    /// <summary>
    /// Below this many estimated tokens the context length is not even looked up: no current Kimi model has a
    /// smaller context, and an ordinary prompt must not cost a /v1/models call.
    /// </summary>
    public const long LookupAbove = 8 * 1024;

    /// <summary>The largest context of a Kimi model (kimi-k3), the bound for input that was too large to keep.</summary>
    public const long LargestContext = 1024 * 1024;

    /// <summary>The estimated tokens of <paramref name="input"/> plus <paramref name="maxTokens"/>.</summary>
    public static long Estimate(ChatInput input, int? maxTokens, long uncountedChars = 0) =>
        TokenEstimate.Of(input) + (maxTokens ?? 0) + (uncountedChars + TokenEstimate.BytesPerToken - 1) / TokenEstimate.BytesPerToken;

    /// <summary>Whether <see cref="Check"/> would look the context length up (it is worth a call off the pipeline thread).</summary>
    public static bool NeedsLookup(long estimate, bool overflowed) => overflowed || estimate > LookupAbove;

    /// <summary>Throws KimiContextLengthExceeded when the estimate is above the model's context length.</summary>
    /// <param name="estimate">From <see cref="Estimate"/>.</param>
    /// <param name="model">The request's model.</param>
    /// <param name="maxTokens">-MaxTokens, named in the message when it counted.</param>
    /// <param name="contextLength">Looks the model's context length up (cached); null when unknown.</param>
    /// <param name="overflowed">The input was too large to keep (<see cref="PipedMaterial.Overflowed"/>): it must fail even when the length is unknown.</param>
    public static void Check(long estimate, string model, int? maxTokens, Func<long?> contextLength, bool overflowed = false)
    {
        if (!NeedsLookup(estimate, overflowed)) return;
        var allowed = contextLength();
        if (allowed is null)
        {
            if (!overflowed) return;
            throw Exceeded(estimate, $"no Kimi model accepts more than {N(LargestContext)}", maxTokens);
        }
        if (estimate <= allowed) return;
        throw Exceeded(estimate, allowed.Value, model, maxTokens);
    }

    public static KimiException Exceeded(long estimate, long allowed, string model, int? maxTokens) =>
        Exceeded(estimate, $"{model} accepts {N(allowed)} (its context length, from /v1/models)", maxTokens);

    private static KimiException Exceeded(long estimate, string allowed, int? maxTokens)
    {
        var entry = ErrorTable.Get(KimiErrorIds.ContextLengthExceeded);
        var plus = maxTokens is null ? "" : $" (with -MaxTokens {N(maxTokens.Value)})";
        return new KimiException(KimiErrorIds.ContextLengthExceeded, entry.Category,
            $"{entry.Summary}: the request is estimated at about {N(estimate)} tokens{plus}, and {allowed}. Nothing was sent.",
            "Send less, or choose a model with a longer context (Get-KimiModel lists each model's ContextLength): pick fewer properties " +
            "(... | Select-Object Name, Status | Invoke-KimiChat ...), fewer lines or items (Select-Object -Last 200), or send one request " +
            "per item with -ForEach; lower -MaxTokens if you set it.");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
