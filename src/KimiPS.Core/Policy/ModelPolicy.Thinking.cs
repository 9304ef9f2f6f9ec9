namespace KimiPS.Core;

internal static partial class ModelPolicy
{
    /// <summary>
    /// thinking is an object, only for k2.5/k2.6/k2.7-code; reasoning_effort is K3 only; never both on the wire
    /// (reference/kimi-api.md §3.1, §3.2: each mistake is a 400). Returns whether thinking is on.
    /// </summary>
    private static bool ApplyThinking(ChatRequest wire, ModelFamily family, Action<string> warn)
    {
        var model = wire.Model;
        if (wire.ReasoningEffort is not null) wire.ReasoningEffort = wire.ReasoningEffort.ToLowerInvariant();

        switch (family)
        {
            case ModelFamily.K25:
            case ModelFamily.K26:
            case ModelFamily.K27Code:
                if (wire.ReasoningEffort is not null)
                {
                    warn(Msg.NoReasoningEffort.Format(model, wire.ReasoningEffort));
                    wire.ReasoningEffort = null;
                }
                if (family == ModelFamily.K27Code && wire.Thinking == false)
                {
                    warn(Msg.AlwaysThinks.Format(model));
                    wire.Thinking = null;
                }
                DropKeepWhenThinkingOff(wire, warn);
                // keep travels inside the thinking object, so Preserved Thinking needs {"type":"enabled"} written out.
                if (wire.KeepThinking && wire.Thinking is null) wire.Thinking = true;
                return wire.Thinking != false;

            case ModelFamily.K3:
                if (wire.Thinking is not null || wire.KeepThinking)
                {
                    var what = wire.Thinking is { } on ? (on ? "Thinking $true" : "Thinking $false") : "KeepThinking";
                    warn(Msg.NoThinkingSwitch.Format(model, what));
                    wire.Thinking = null;
                    wire.KeepThinking = false;
                }
                return true;

            default:
                // Unknown models and gateways: send what the caller asked for, but never both fields.
                if (wire.Thinking is not null && wire.ReasoningEffort is not null)
                {
                    warn(Msg.ThinkingAndEffort.Format(wire.ReasoningEffort));
                    wire.ReasoningEffort = null;
                }
                DropKeepWhenThinkingOff(wire, warn);
                if (wire.KeepThinking && wire.Thinking is null)
                {
                    warn(Msg.KeepThinkingNoSwitch.Format(model));
                    wire.KeepThinking = false;
                }
                return wire.Thinking == true || wire.ReasoningEffort is not null
                    || (ModelFamilies.IsThinkingModel(model) && wire.Thinking != false);
        }
    }

    private static void DropKeepWhenThinkingOff(ChatRequest wire, Action<string> warn)
    {
        if (wire.KeepThinking && wire.Thinking == false)
        {
            warn(Msg.KeepThinkingOff);
            wire.KeepThinking = false;
        }
    }
}
