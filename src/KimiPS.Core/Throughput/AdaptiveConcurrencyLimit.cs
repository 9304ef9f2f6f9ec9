namespace KimiPS.Core;

/// <summary>
/// AIMD concurrency limit (reference/anchors-clients.md §5.2): halve on a 429 (never below 1), then grow by one
/// after each <see cref="Current"/> successes (about one round trip of the whole window) back up to <see cref="Max"/>.
/// Not thread-safe: <see cref="OrderedWorkQueue{TIn, TOut}"/> calls it under its lock.
/// </summary>
internal sealed class AdaptiveConcurrencyLimit
{
    private int _successes;

    public AdaptiveConcurrencyLimit(int max)
    {
        Max = max;
        Current = max;
    }

    /// <summary>The ceiling: min(ThrottleLimit, MaxConcurrency).</summary>
    public int Max { get; }

    /// <summary>How many items may be in flight now.</summary>
    public int Current { get; private set; }

    /// <summary>
    /// Bumped on every decrease. An item remembers the generation it started in; a 429 from an item that started
    /// before the last decrease does not halve again. Without this, one burst of 8 concurrent 429s would take the
    /// limit from 8 to 1, although halving once already answered that burst.
    /// </summary>
    public long Generation { get; private set; }

    /// <summary>A 429 from an item started in <paramref name="startGeneration"/>. Returns whether the limit was cut (false: that burst was already answered).</summary>
    public bool OnThrottled(long startGeneration)
    {
        if (startGeneration != Generation)
            return false;
        Current = Math.Max(1, Current / 2);
        Generation++;
        _successes = 0;
        return true;
    }

    /// <summary>An item succeeded. Returns whether the limit grew.</summary>
    public bool OnSuccess()
    {
        if (Current >= Max)
            return false;
        if (++_successes < Current)
            return false;
        Current++;
        _successes = 0;
        return true;
    }
}
