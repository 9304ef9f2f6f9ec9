namespace KimiPS.Emulator;

/// <summary>
/// How the emulator runs the batches created while it is set (each batch keeps a copy from its creation). Time does
/// not pass in the emulator: each GET of a batch advances it one step, so tests drive the lifecycle in milliseconds:
/// validating → in_progress (for <see cref="InProgressSteps"/> reads, each running an equal share of the requests)
/// → finalizing → completed; or validating → failed; or in_progress → expired; or cancelling → cancelled.
/// </summary>
public sealed class BatchScript
{
    /// <summary>Reads a batch spends in in_progress; each runs its share of the requests and updates request_counts. Default 1.</summary>
    public int InProgressSteps { get; set; } = 1;

    /// <summary>Steps a batch takes per read (default 1); a large number finishes a batch at its first read (documentation examples).</summary>
    public int StepsPerRead { get; set; } = 1;

    /// <summary>Writes the output file last request first, as a real batch may (it runs requests in any order): a client must join by custom_id.</summary>
    public bool ReverseOutput { get; set; }

    /// <summary>Requests (by custom id) that fail with <see cref="FailStatus"/>, <see cref="FailType"/> and <see cref="FailMessage"/>.</summary>
    public ISet<string> FailCustomIds { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every Nth request (by its 1-based line number) fails as above; 0: none.</summary>
    public int FailEvery { get; set; }

    public int FailStatus { get; set; } = 500;

    public string FailType { get; set; } = "server_error";

    public string FailMessage { get; set; } = "The server had an error while processing your request";

    /// <summary>Requests (by custom id) that appear in neither the output nor the error file: a lost result.</summary>
    public ISet<string> OmitCustomIds { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The batch fails validation with this message (besides the real checks: one model, unique custom ids, valid lines).</summary>
    public string? ValidationError { get; set; }

    /// <summary>The batch expires after this many in_progress reads: the requests not run by then are batch_expired errors.</summary>
    public int? ExpireAfterSteps { get; set; }

    /// <summary>A copy, so a batch keeps the script it was created under.</summary>
    public BatchScript Clone() => new()
    {
        InProgressSteps = InProgressSteps,
        StepsPerRead = StepsPerRead,
        ReverseOutput = ReverseOutput,
        FailCustomIds = new HashSet<string>(FailCustomIds, StringComparer.Ordinal),
        FailEvery = FailEvery,
        FailStatus = FailStatus,
        FailType = FailType,
        FailMessage = FailMessage,
        OmitCustomIds = new HashSet<string>(OmitCustomIds, StringComparer.Ordinal),
        ValidationError = ValidationError,
        ExpireAfterSteps = ExpireAfterSteps,
    };
}
