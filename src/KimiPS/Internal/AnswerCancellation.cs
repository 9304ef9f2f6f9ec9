namespace KimiPS;

/// <summary>
/// Ctrl+C during one Enter-KimiChat answer, in the console host: while the answer streams, Ctrl+C is read as a key
/// (Console.TreatControlCAsInput) and cancels that answer only, so the session goes on. Elsewhere (other hosts,
/// redirected input) Ctrl+C keeps its usual meaning and stops the command, and this token is never cancelled.
/// The other keys read meanwhile are what the user typed ahead (<see cref="TypedAhead"/>): the session asks it next.
/// </summary>
internal sealed class AnswerCancellation : IDisposable
{
    /// <summary>Most characters kept of what is typed during one answer (a key held down must not grow it without end).</summary>
    internal const int MaxTypedAhead = 4096;

    private readonly CancellationTokenSource _cts = new();
    private readonly System.Text.StringBuilder _typed = new();
    private readonly Thread? _watcher;
    private readonly bool _previous;
    private volatile bool _done;

    private AnswerCancellation(bool watch)
    {
        if (!watch) return;
        try
        {
            _previous = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = true;
        }
        catch (IOException)
        {
            return;
        }
        _watcher = new Thread(Watch) { IsBackground = true, Name = "KimiPS Ctrl+C" };
        _watcher.Start();
    }

    public CancellationToken Token => _cts.Token;

    public bool Cancelled => _cts.IsCancellationRequested;

    /// <summary>
    /// The text typed while the answer streamed, Backspace applied and other control keys left out; each Enter is a
    /// line break. Empty when nothing was typed or the answer was cancelled (Ctrl+C drops the line, as at a prompt).
    /// </summary>
    public string TypedAhead
    {
        get
        {
            lock (_typed) return Cancelled ? "" : _typed.ToString();
        }
    }

    public static AnswerCancellation Start(bool consoleHost)
    {
        bool watch;
        try
        {
            watch = consoleHost && !Console.IsInputRedirected;
        }
        catch (IOException)
        {
            watch = false;
        }
        return new AnswerCancellation(watch);
    }

    private void Watch()
    {
        try
        {
            while (!_done)
            {
                if (!Console.KeyAvailable)
                {
                    Thread.Sleep(50);
                    continue;
                }
                var key = Console.ReadKey(intercept: true);
                if (key.KeyChar == (char)3 || (key.Key == ConsoleKey.C && (key.Modifiers & ConsoleModifiers.Control) != 0))
                {
                    _cts.Cancel();
                    return;
                }
                Keep(key);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
        }
    }

    /// <summary>Watcher: one key typed ahead.</summary>
    private void Keep(ConsoleKeyInfo key)
    {
        lock (_typed)
        {
            if (key.Key == ConsoleKey.Backspace || key.KeyChar == '\b')
            {
                if (_typed.Length > 0 && _typed[_typed.Length - 1] != '\n') _typed.Length--;
            }
            else if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
            {
                if (_typed.Length < MaxTypedAhead) _typed.Append('\n');
            }
            else if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar) && _typed.Length < MaxTypedAhead)
            {
                _typed.Append(key.KeyChar);
            }
        }
    }

    public void Dispose()
    {
        _done = true;
        if (_watcher is null)
        {
            _cts.Dispose();
            return;
        }
        // Not disposed after a watcher that did not end in time: it may still cancel it.
        if (_watcher.Join(TimeSpan.FromSeconds(1))) _cts.Dispose();
        try
        {
            Console.TreatControlCAsInput = _previous;
        }
        catch (IOException)
        {
        }
    }
}
