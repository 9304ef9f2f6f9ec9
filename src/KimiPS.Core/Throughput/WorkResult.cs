namespace KimiPS.Core;

/// <summary>The outcome of one work item: a value or an error, never both.</summary>
internal sealed class WorkResult<TIn, TOut>
{
    internal WorkResult(TIn input, TOut? value, Exception? error)
    {
        Input = input;
        Value = value;
        Error = error;
    }

    public TIn Input { get; }
    public TOut? Value { get; }
    public Exception? Error { get; }
    public bool Succeeded => Error is null;
    /// <summary>How many times the work ran: more than 1 when the scheduler re-ran it after a 429.</summary>
    public int Attempts { get; internal set; } = 1;
}
