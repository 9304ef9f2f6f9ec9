namespace KimiPS.Emulator;

/// <summary>How a <see cref="KimiEmulator"/> listens.</summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// The address to listen on, e.g. <c>http://127.0.0.1:0</c> (port 0 = a free port chosen by the OS).
    /// Only the first of a <c>;</c>-separated list is used; the host must be a loopback address or
    /// <c>localhost</c>, so a test server can never be reached from the network.
    /// </summary>
    public string? Urls { get; set; }
}
