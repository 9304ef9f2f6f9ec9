namespace KimiPS.Core;

internal static partial class ModelPolicy
{
    private const double FixedTopP = 0.95;

    /// <summary>
    /// kimi-k2.5/k2.6/k2.7-code/k3 answer 400 to any temperature, top_p, n or penalty other than the fixed one
    /// (reference/kimi-api.md §7.2). A different value is dropped with a warning naming the fixed value; an
    /// equal one is omitted quietly, since the server applies it anyway.
    /// </summary>
    private static void ApplyFixedSampling(ChatRequest wire, ModelFamily family, Action<string> warn)
    {
        if (!ModelFamilies.HasFixedSampling(family)) return;
        var model = wire.Model;

        // k2.5/k2.6 use 1.0 when thinking (the default) and 0.6 without; k2.7-code and k3 always think.
        var switchable = family is ModelFamily.K25 or ModelFamily.K26;
        var temperature = switchable && wire.Thinking == false ? 0.6 : 1.0;
        var mode = switchable ? (wire.Thinking == false ? Msg.ThinkingOffMode : Msg.ThinkingOnMode) : "";

        wire.Temperature = Drop(model, "temperature", mode, temperature, wire.Temperature, warn);
        wire.TopP = Drop(model, "top_p", "", FixedTopP, wire.TopP, warn);
        wire.N = wire.N is { } n && n != 1 ? WarnDropped(model, "n", "", "1", n.ToString(System.Globalization.CultureInfo.InvariantCulture), warn) : null;
        wire.PresencePenalty = Drop(model, "presence_penalty", "", 0, wire.PresencePenalty, warn);
        wire.FrequencyPenalty = Drop(model, "frequency_penalty", "", 0, wire.FrequencyPenalty, warn);
    }

    /// <summary>Always null: the fixed value is the server's default, so nothing is sent either way.</summary>
    private static double? Drop(string model, string field, string mode, double fixedValue, double? requested, Action<string> warn)
    {
        if (requested is { } value && !(Math.Abs(value - fixedValue) < 1e-9))
            WarnDropped(model, field, mode, PolicyText.Number(fixedValue), PolicyText.Number(value), warn);
        return null;
    }

    private static int? WarnDropped(string model, string field, string mode, string fixedValue, string requested, Action<string> warn)
    {
        warn(Msg.FixedSampling.Format(model, field, fixedValue, mode, requested));
        return null;
    }
}
