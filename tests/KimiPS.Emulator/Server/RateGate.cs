namespace KimiPS.Emulator.Server;

/// <summary>
/// Enforces <see cref="EmulatorLimits"/> with Kimi's 429 texts (reference §6.2), whose
/// "after N seconds" is the only retry hint Kimi gives.
/// </summary>
internal sealed class RateGate(EmulatorCounters counters, EmulatorLimits limits)
{
    private const string Account = "Your account org-emu<ak-emu> request reached organization";
    private readonly object _gate = new();
    private readonly Queue<long> _accepted = new();

    /// <summary>Enters a request; returns the rejection message, or null when the request may proceed (then call <see cref="Exit"/>).</summary>
    public string? TryEnter()
    {
        var active = counters.EnterActive();
        if (limits.MaxConcurrency is int max && active > max)
            return Reject($"{Account} max concurrency: {max}, please try again after 1 seconds");

        if (limits.RequestsPerMinute is int rpm)
        {
            lock (_gate)
            {
                var now = Environment.TickCount64;
                while (_accepted.Count > 0 && now - _accepted.Peek() >= 60_000) _accepted.Dequeue();
                if (_accepted.Count >= rpm)
                {
                    // The wait until the oldest accepted request leaves the sliding minute.
                    var seconds = Math.Max(1, (int)Math.Ceiling((60_000 - (now - _accepted.Peek())) / 1000.0));
                    return Reject($"{Account} max RPM: {rpm}, please try again after {seconds} seconds");
                }
                _accepted.Enqueue(now);
            }
        }

        counters.NoteAccepted(active);
        return null;
    }

    public void Exit() => counters.ExitActive();

    public void Reset()
    {
        lock (_gate) _accepted.Clear();
    }

    private string Reject(string message)
    {
        counters.ExitActive();
        counters.OnRejected();
        return message;
    }
}
