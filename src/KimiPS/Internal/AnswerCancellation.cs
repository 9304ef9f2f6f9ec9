namespace KimiPS;

/// <summary>
/// Ctrl+C during one Enter-KimiChat answer, in the console host: while the answer streams, Ctrl+C is read as a key
/// (Console.TreatControlCAsInput) and cancels that answer only, so the session goes on. Elsewhere (other hosts,
/// redirected input) Ctrl+C keeps its usual meaning and stops the command, and this token is never cancelled.
/// </summary>
internal sealed class AnswerCancellation : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
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
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
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
