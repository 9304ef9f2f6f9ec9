using System.Diagnostics;

namespace KimiPS.Core;

/// <summary>
/// One request's time budget across its attempts and the waits between them (<see cref="KimiClientOptions.RequestTimeout"/>).
/// <see cref="Timeout.InfiniteTimeSpan"/> means no limit.
/// </summary>
internal sealed class Deadline
{
    private readonly TimeSpan _limit;
    private readonly Stopwatch _clock;

    private Deadline(TimeSpan limit)
    {
        _limit = limit;
        _clock = Stopwatch.StartNew();
    }

    public static Deadline Start(TimeSpan limit) => new(limit);

    private bool Infinite => _limit == Timeout.InfiniteTimeSpan;

    /// <summary>What is left of the budget (never negative); <see cref="TimeSpan.MaxValue"/> without a limit.</summary>
    public TimeSpan Left
    {
        get
        {
            if (Infinite) return TimeSpan.MaxValue;
            var left = _limit - _clock.Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Makes <paramref name="timeout"/> cancel when the budget runs out (at once if it has).</summary>
    public void Arm(CancellationTokenSource timeout)
    {
        if (Infinite) return;
        var left = Left;
        if (left <= TimeSpan.Zero) timeout.Cancel();
        else timeout.CancelAfter(left);
    }
}
