namespace KimiPS.Emulator.Endpoints;

/// <summary>Which model ids behave how (reference §5): thinking models with fixed sampling, and retired ids.</summary>
internal static class ModelRules
{
    private static readonly string[] Retired = ["kimi-latest", "kimi-k2-turbo-preview", "kimi-k2-0905-preview"];

    /// <summary>kimi-k2.5 / k2.6 / k2.7-code* / k3: thinking by default, temperature/top_p/n/penalties fixed.</summary>
    public static bool IsThinkingModel(string model) =>
        model is "kimi-k2.5" or "kimi-k2.6" or "kimi-k3" || model.StartsWith("kimi-k2.7", StringComparison.Ordinal);

    /// <summary>Only k2.5 and k2.6 have a <c>thinking</c> switch; k2.7-code and k3 always think.</summary>
    public static bool CanDisableThinking(string model) => model is "kimi-k2.5" or "kimi-k2.6";

    public static bool IsRetired(string model) =>
        model.StartsWith("moonshot-v1", StringComparison.Ordinal) || Retired.Contains(model);
}
