using System.Management.Automation;
using System.Runtime.ExceptionServices;
using KimiPS.Core;

namespace KimiPS;

/// <summary>
/// The base of every KimiPS cmdlet. It owns the cancellation source (cancelled by StopProcessing, Ctrl+C),
/// resolves the connection, creates one client per invocation, and turns failures into ErrorRecords:
/// WriteError for one failed item, ThrowTerminatingError when nothing more can work.
/// </summary>
/// <remarks>
/// One execution model: every client call runs on a worker (<see cref="Call{T}"/>, <see cref="Wait{T}"/>, <see cref="WaitAsync{T}"/>, or a
/// <see cref="StartQueue{TIn, TOut}"/> queue), and the pipeline thread only drains this cmdlet's one
/// <see cref="PipelineDispatcher"/>, which carries what the workers post (output objects such as stream chunks,
/// warnings, verbose and debug lines, progress) in the order they posted it.
/// </remarks>
public abstract class KimiCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PipelineDispatcher _dispatcher = new();
    private KimiConnection? _connection;
    private KimiClient? _client;
    private KimiClient? _queueClient;
    private IDisposable? _queue;

    /// <summary>Cancelled when the pipeline stops.</summary>
    internal CancellationToken StopToken => _cts.Token;

    /// <summary>The -Connection parameter of cmdlets that have one.</summary>
    internal virtual KimiConnection? ConnectionParameter => null;

    /// <summary>-Connection, else Connect-Kimi's, else MOONSHOT_API_KEY; terminating KimiNotConnected otherwise.</summary>
    internal KimiConnection ActiveConnection => _connection ??= ResolveConnection();

    /// <summary>This invocation's client. Create it on the pipeline thread (it may throw a terminating error).</summary>
    internal KimiClient Client
    {
        get
        {
            return _client ??= CreateClient(ActiveConnection);
        }
    }

    /// <summary>A client for <paramref name="connection"/> whose diagnostics reach this cmdlet's streams.</summary>
    internal KimiClient CreateClient(KimiConnection connection) => CreateClient(connection.CreateClientOptions());

    private KimiClient CreateClient(KimiClientOptions options)
    {
        ConfigureClient(options);
        var client = new KimiClient(options);
        client.Diagnostic += OnDiagnostic;
        return client;
    }

    /// <summary>Per-call settings over the connection's (Invoke-KimiChat -TimeoutSec, -IdleTimeoutSec).</summary>
    internal virtual void ConfigureClient(KimiClientOptions options)
    {
    }

    /// <summary>The connection, or null when none is configured (for cmdlets that must not fail on that).</summary>
    internal KimiConnection? TryResolveConnection(out KimiException? error)
    {
        error = null;
        try
        {
            return ConnectionParameter ?? ConnectionStore.Current ?? FromEnvironment();
        }
        catch (KimiException ex)
        {
            error = ex;
            return null;
        }
    }

    private KimiConnection ResolveConnection()
    {
        var connection = TryResolveConnection(out var error);
        if (connection != null) return connection;
        var ex = error ?? Errors.NotConnected();
        ThrowTerminatingError(ErrorRecords.Create(ex, null));
        return null!; // not reached: ThrowTerminatingError always throws
    }

    private static KimiConnection? FromEnvironment()
    {
        var env = ConnectionSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        return env is null ? null : KimiConnection.FromEnvironment(env);
    }

    /// <summary>Runs a client call on the thread pool while the pipeline thread writes what it posts (diagnostics, progress).</summary>
    internal T Call<T>(Func<KimiClient, CancellationToken, T> call)
    {
        var client = Client;
        return Wait(ct => call(client, ct));
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool while the pipeline thread writes what it posts.</summary>
    /// <remarks>
    /// The work's token is cancelled by Ctrl+C and also when writing what it posted fails (Select-Object -First
    /// stops the pipeline that way); the work is then given <see cref="AbandonWait"/> to end, so a stream it reads
    /// is closed before this returns. Everything the work posted before it ended has been written when this returns.
    /// </remarks>
    internal T Wait<T>(Func<CancellationToken, T> work) => _dispatcher.Run(work, StopToken, AbandonWait);

    /// <summary>As <see cref="Wait{T}"/>, for asynchronous work (a request): started on the thread pool, with no thread blocked while it waits.</summary>
    internal T WaitAsync<T>(Func<CancellationToken, Task<T>> work) => _dispatcher.RunAsync(work, StopToken, AbandonWait);

    /// <summary>How long a stopped Wait waits for its work to see the cancellation (it closes its connection within milliseconds).</summary>
    private static readonly TimeSpan AbandonWait = TimeSpan.FromSeconds(2);

    internal void Call(Action<KimiClient, CancellationToken> call) => Call<bool>((c, t) => { call(c, t); return true; });

    /// <summary>Any thread: run <paramref name="action"/> on the pipeline thread, after everything posted before it.</summary>
    internal void Post(Action action) => _dispatcher.Post(action);

    /// <summary>
    /// On a worker: reads a stream and hands each chunk to <paramref name="write"/> on the pipeline thread (in batches
    /// while that thread is busy, see <see cref="BatchPoster{T}"/>), at most <see cref="MaxUnwrittenChunks"/> ahead of
    /// the writes; returns the answer the last chunk carries.
    /// </summary>
    internal ChatCompletion? PostChunks(IEnumerable<ChatChunk> stream, Action<ChatChunk> write, CancellationToken ct)
    {
        var poster = new BatchPoster<ChatChunk>(_dispatcher, write, MaxUnwrittenChunks);
        ChatCompletion? completion = null;
        foreach (var chunk in stream)
        {
            poster.Add(chunk, ct);
            completion = chunk.Completion ?? completion;
        }
        return completion;
    }

    /// <summary>A slow consumer (Write-Host per chunk) holds the reader back rather than letting chunks pile up in memory.</summary>
    /// <remarks>
    /// A few hundred KB at most. Not smaller: the reader decodes about twice as fast as the pipeline writes, so it fills
    /// any window and then sleeps until half of it is written, and each of those sleeps and wake-ups slows the
    /// pipeline thread beside it. At 256 a 10,000-chunk stream through Measure-Object took 1.29-1.46x the time of a
    /// cmdlet writing ready-made chunks; at 1,024-8,192, 1.17-1.26x (paired runs in one process, 2 cores).
    /// </remarks>
    private const int MaxUnwrittenChunks = 2048;

    private void OnDiagnostic(object? sender, KimiDiagnosticEventArgs e) => Post(() => WriteDiagnostic(e));

    private void WriteDiagnostic(KimiDiagnosticEventArgs e)
    {
        switch (e.Level)
        {
            case KimiDiagnosticLevel.Warning: Warn(e.Message); break;
            case KimiDiagnosticLevel.Verbose: Unprompted(() => WriteVerbose(e.Message)); break;
            default: Unprompted(() => WriteDebug(e.Message)); break;
        }
    }

    /// <summary>Pipeline thread: WriteWarning, which does not fail the request where the host cannot prompt (see <see cref="Unprompted"/>).</summary>
    internal void Warn(string message) => Unprompted(() => WriteWarning(message));

    /// <summary>
    /// Runs a Write* call that must not fail because the host cannot prompt. With -Debug, PowerShell makes the
    /// warnings (and, in the console host, verbose lines) of a compiled cmdlet Inquire prompts: it writes the
    /// record, then asks "Continue with this operation?". A host without a UI (a hosted runspace, a job) then
    /// throws HostException, pwsh -NonInteractive PSInvalidOperationException, and the console host with redirected
    /// input NullReferenceException, which failed a retried request. The record is already written when the
    /// prompt fails, so not being able to ask is taken as Inquire's default: go on. A "Halt" answer
    /// (ActionPreferenceStopException) and Ctrl+C (PipelineStoppedException) still stop the command.
    /// </summary>
    private static void Unprompted(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is System.Management.Automation.Host.HostException or PSInvalidOperationException or NullReferenceException)
        {
        }
    }

    /// <summary>
    /// Runs one item's work. A failure becomes WriteError (the pipeline goes on) or, for a missing or rejected
    /// key, ThrowTerminatingError. Cancellation after StopProcessing is swallowed: the engine is already
    /// stopping the pipeline. Returns whether the work succeeded.
    /// </summary>
    internal bool Try(object? target, Action work)
    {
        // No draining here: client work runs in Wait or a queue, which have written what it posted (a retry
        // warning) before they return or throw, so that comes before this item's result or error.
        try
        {
            work();
            return true;
        }
        catch (Exception ex) when (ex is not PipelineStoppedException)
        {
            if (!Report(ex, target)) throw;
            return false;
        }
    }

    /// <summary>
    /// File-system paths for -Path (wildcards) or -LiteralPath (see <see cref="ProviderPaths"/>). A path that does
    /// not resolve, or is not on the file system, is a KimiPathNotFound error for that path only; the others go on.
    /// </summary>
    internal IEnumerable<string> ResolvePaths(IEnumerable<string> paths, bool literal) =>
        new ProviderPaths(this).Resolve(paths, literal, literal ? "LiteralPath" : "Path", (error, path) => Report(error, path));

    /// <summary>
    /// What an error about a resolved path carries as TargetObject: the file (or folder) itself, whose FullName
    /// binds back to -LiteralPath, so <c>$failed.TargetObject | Send-KimiFile</c> re-runs it even when the
    /// name holds wildcard characters.
    /// </summary>
    internal static object Target(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);

    /// <summary>
    /// Runs one item's work (see <see cref="Try"/>); an exception nothing in the module describes
    /// becomes this item's KimiUnexpectedError instead of ending the pipeline.
    /// </summary>
    internal bool TryItem(object? target, Action work) => Try(target, () => Guard(work));

    /// <summary>Any thread: rethrows what the module cannot describe as KimiUnexpectedError, keeping it as the inner exception.</summary>
    internal static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw ModuleErrors.Unexpected(ex);
        }
    }

    internal static void Guard(Action work) => Guard(() => { work(); return true; });

    /// <summary>
    /// PowerShell's own exceptions (a stopped pipeline, -ErrorAction Stop, a terminating error) and cancellation
    /// must pass through unchanged; so must the ones the module maps to an error id.
    /// </summary>
    private static bool IsUnexpected(Exception ex) =>
        ex is not (RuntimeException or OperationCanceledException or OutOfMemoryException)
        && ErrorMapping.Describe(ex) is null;

    /// <summary>Writes the error for <paramref name="exception"/>; false when it is not ours to report (a bug: let it surface).</summary>
    internal bool Report(Exception exception, object? target)
    {
        if (exception is OperationCanceledException && _cts.IsCancellationRequested) return true;
        var description = ErrorMapping.Describe(exception);
        if (description is null) return false;
        var record = ErrorRecords.Create(exception, description, target);
        if (description.Terminating) ThrowTerminatingError(record);
        WriteError(record);
        return true;
    }

    /// <summary>A bad parameter found before any work: nothing this invocation could do would succeed.</summary>
    internal void ThrowTerminating(KimiException exception, object? target = null) =>
        ThrowTerminatingError(ErrorRecords.Create(exception, target));

    /// <summary>
    /// Pipeline thread: a queue that runs <paramref name="work"/> up to <paramref name="throttleLimit"/> at once within
    /// the connection's rate limits (MaxConcurrency, RequestsPerMinute, TokensPerMinute), posting to this cmdlet's one
    /// dispatcher; the queue's back-off message is a warning. The queue is disposed with the cmdlet.
    /// </summary>
    /// <remarks>
    /// The work gets the queue's own client, whose HTTP layer leaves a 429 to the queue: one retry budget, the
    /// connection's MaxRetries, so a request that keeps getting 429 is sent MaxRetries + 1 times in all.
    /// </remarks>
    /// <param name="throttleLimit">Most items in flight at once.</param>
    /// <param name="work">One item's work, on a worker thread (no Write* there: Post instead).</param>
    /// <param name="estimateTokens">An item's estimated tokens, for the connection's TokensPerMinute (Connect-Kimi -TokensPerMinute); <see cref="NoTokens"/> for work that costs none.</param>
    internal OrderedWorkQueue<TIn, TOut> StartQueue<TIn, TOut>(int throttleLimit, Func<KimiClient, TIn, CancellationToken, TOut> work, Func<TIn, int> estimateTokens)
    {
        var connection = ActiveConnection;
        var options = connection.CreateClientOptions();
        options.ThrottlesRetriedByScheduler = true;
        var client = _queueClient = CreateClient(options);
        // The scheduler's back-off message is posted to the dispatcher, so it is written on this thread.
        var queue = new OrderedWorkQueue<TIn, TOut>(throttleLimit, (item, ct) => work(client, item, ct), connection.RateLimits, StopToken,
            estimateTokens, Warn, _dispatcher) { MaxReRuns = connection.MaxRetries };
        _queue = queue;
        return queue;
    }

    /// <summary>The token estimate of queued work that sends no chat request (file reads, uploads).</summary>
    internal static int NoTokens<TIn>(TIn _) => 0;

    /// <summary>Pipeline thread: writes a queue's results in input order; a failed item is its own error (or, when not ours to report, rethrown).</summary>
    internal void WriteResults<TIn, TOut>(IEnumerable<WorkResult<TIn, TOut>> results, Func<TIn, object?> target)
    {
        foreach (var result in results)
        {
            if (result.Succeeded)
            {
                WriteObject(result.Value);
                continue;
            }
            // A 429 the scheduler gave up on was counted as a retry when it was handed over: now it is a failed request.
            if (ScheduledRetries.GaveUp(result.Error!, _queueClient?.Options.RequestObserver) is { } lost) Warn(lost);
            if (!Report(result.Error!, target(result.Input))) ExceptionDispatchInfo.Capture(result.Error!).Throw();
        }
    }

    /// <summary>Whether -WhatIf (or $WhatIfPreference) is in effect: -Force must not skip a WhatIf report.</summary>
    internal bool WhatIfRequested =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
            ? LanguagePrimitives.IsTrue(w)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    protected override void StopProcessing() => _cts.Cancel();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The engine calls Dispose even when EndProcessing does not run (a stop or a terminating error).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        // First the queue: it cancels its running items and waits briefly for them, before their client goes.
        _queue?.Dispose();
        // The clients share pooled connections in the core; disposing one releases nothing shared.
        _client?.Dispose();
        _queueClient?.Dispose();
        _cts.Dispose();
    }
}
