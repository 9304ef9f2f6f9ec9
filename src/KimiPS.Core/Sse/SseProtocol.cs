namespace KimiPS.Core;

/// <summary>Builds the <see cref="KimiErrorIds.ProtocolError"/> errors of the streaming path.</summary>
internal static class SseProtocol
{
    private const string Action =
        "The server (or a proxy in between) sent a stream this client cannot read. Try again; if it persists, check the BaseUri and any proxy.";

    public static KimiException Error(string message, Exception? inner = null) => Errors.ProtocolError(message, inner, Action);

    public static KimiException EventTooLarge(int maxEventBytes) =>
        Error($"A server-sent event exceeded {maxEventBytes} bytes.");
}
