namespace KimiPS.Core;

/// <summary>Builds the <see cref="KimiErrorIds.ProtocolError"/> errors of the streaming path.</summary>
internal static class SseProtocol
{
    private static string Action => Msg.SseAction;

    public static KimiException Error(string message, Exception? inner = null) => Errors.ProtocolError(message, inner, Action);

    public static KimiException EventTooLarge(int maxEventBytes) =>
        Error(Msg.SseEventTooLarge.Format(maxEventBytes));
}
