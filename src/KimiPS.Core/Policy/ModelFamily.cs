namespace KimiPS.Core;

/// <summary>What the policy needs to know about a model id (reference/kimi-api.md §3.1, §5).</summary>
internal enum ModelFamily
{
    /// <summary>Anything else: older ids, gateway catalogues, models newer than this code. Parameters pass as given.</summary>
    Other,
    /// <summary>kimi-k2.5*: fixed sampling, thinking switch (on by default).</summary>
    K25,
    /// <summary>kimi-k2.6*: fixed sampling, thinking switch (on by default), thinking.keep.</summary>
    K26,
    /// <summary>kimi-k2.7-code*: fixed sampling, always thinks (only type=enabled is accepted).</summary>
    K27Code,
    /// <summary>kimi-k3*: fixed sampling, reasoning_effort instead of thinking.</summary>
    K3,
}

internal static class ModelFamilies
{
    /// <summary>
    /// Classifies on the id after the last '/', so gateway ids such as <c>moonshotai/kimi-k2.6</c> get the
    /// same parameter rules: the gateway forwards to the same model, which rejects the same values.
    /// </summary>
    public static ModelFamily Of(string model)
    {
        var id = BareId(model);
        if (Starts(id, "kimi-k2.5")) return ModelFamily.K25;
        if (Starts(id, "kimi-k2.6")) return ModelFamily.K26;
        if (Starts(id, "kimi-k2.7-code")) return ModelFamily.K27Code;
        if (Starts(id, "kimi-k3")) return ModelFamily.K3;
        return ModelFamily.Other;
    }

    /// <summary>Models that produce reasoning_content and, with thinking on, require it back on tool-call turns.</summary>
    public static bool IsThinkingModel(string model)
    {
        var id = BareId(model);
        return Starts(id, "kimi-k2.5") || Starts(id, "kimi-k2.6") || Starts(id, "kimi-k2.7")
            || Starts(id, "kimi-k3") || Starts(id, "kimi-k2-thinking");
    }

    /// <summary>These models reject any temperature, top_p, n or penalty other than their fixed value.</summary>
    public static bool HasFixedSampling(ModelFamily family) => family != ModelFamily.Other;

    public static string BareId(string model)
    {
        var slash = model.LastIndexOf('/');
        return slash < 0 ? model : model.Substring(slash + 1);
    }

    private static bool Starts(string id, string prefix) => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
