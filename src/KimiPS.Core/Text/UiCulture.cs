using System.Globalization;

namespace KimiPS.Core;

/// <summary>
/// The owner thread's UI culture, carried to the thread that does the work, so that the messages built there
/// (errors, warnings, verbose lines) are in the language of the user's session. On .NET the culture flows with
/// the execution context, but on .NET Framework (Windows PowerShell 5.1) only for apps that opt in, and not into
/// threads a timer starts; so it is set explicitly and put back afterwards (a pool thread is reused).
/// </summary>
internal readonly struct UiCulture
{
    private readonly CultureInfo _culture;

    private UiCulture(CultureInfo culture) => _culture = culture;

    /// <summary>This thread's UI culture.</summary>
    public static UiCulture Capture() => new(CultureInfo.CurrentUICulture);

    /// <summary>Makes the captured culture this thread's UI culture until the result is disposed.</summary>
    public Restore Apply()
    {
        var thread = Thread.CurrentThread;
        var previous = thread.CurrentUICulture;
        if (_culture is null || Equals(previous, _culture)) return default;
        thread.CurrentUICulture = _culture;
        return new Restore(previous);
    }

    /// <summary>Puts the previous UI culture back.</summary>
    public readonly struct Restore : IDisposable
    {
        private readonly CultureInfo? _previous;

        public Restore(CultureInfo previous) => _previous = previous;

        public void Dispose()
        {
            if (_previous is not null) Thread.CurrentThread.CurrentUICulture = _previous;
        }
    }
}
