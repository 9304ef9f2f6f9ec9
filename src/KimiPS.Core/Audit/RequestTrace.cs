using System.Diagnostics;
using System.Text;

namespace KimiPS.Core;

/// <summary>
/// Follows one HTTP request from its first attempt to its end and reports it once to the client's
/// <see cref="IKimiRequestObserver"/>. The retry layer fills in status, attempts and request id; the caller that
/// reads the answer (chat) adds usage, finish reason and text. Every text is redacted here, so no observer (the
/// audit log) can ever receive the key, even when a server echoes it.
/// </summary>
internal sealed class RequestTrace
{
    /// <summary>Content fields are cut at this many characters: one request must not make one unbounded log line.</summary>
    internal const int MaxContentChars = 1024 * 1024;

    private readonly IKimiRequestObserver _observer;
    private readonly string? _apiKey;
    private readonly Action<KimiDiagnosticLevel, string> _emit;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly KimiRequestRecord _record;
    private readonly byte[]? _body;
    private int _reported;

    private RequestTrace(IKimiRequestObserver observer, string? apiKey, Action<KimiDiagnosticLevel, string> emit,
        KimiRequestRecord record, byte[]? body, bool completesOnResponse)
    {
        _observer = observer;
        _apiKey = apiKey;
        _emit = emit;
        _record = record;
        _body = body;
        CompletesOnResponse = completesOnResponse;
    }

    /// <summary>A trace when the options have an observer, else null (nothing is measured or copied).</summary>
    public static RequestTrace? Start(KimiClientOptions options, Action<KimiDiagnosticLevel, string> emit, HttpMethod method, string endpoint,
        string? model, bool streamed, byte[]? body, bool completesOnResponse)
    {
        if (options.RequestObserver is not { } observer) return null;
        var record = new KimiRequestRecord
        {
            Time = DateTimeOffset.UtcNow,
            Method = method.Method,
            Endpoint = endpoint,
            Model = model,
            Streamed = streamed,
        };
        return new RequestTrace(observer, options.ApiKey, emit, record, body, completesOnResponse);
    }

    /// <summary>Whether the request has been reported (it is reported once).</summary>
    public bool Reported => Volatile.Read(ref _reported) != 0;

    /// <summary>True for requests whose answer nobody reads as a chat completion: reported as soon as the response is in.</summary>
    public bool CompletesOnResponse { get; }

    /// <summary>The attempt that got a successful response.</summary>
    public void Responded(int statusCode, string? requestId, int attempts)
    {
        _record.StatusCode = statusCode;
        _record.RequestId = requestId;
        _record.Attempts = attempts;
        if (CompletesOnResponse) Report();
    }

    /// <summary>The answer was read in full.</summary>
    public void Complete(ChatCompletion completion)
    {
        Take(completion);
        Report();
    }

    /// <summary>
    /// The request failed for good. <paramref name="partial"/> is what a cut stream delivered: its usage when the
    /// server reported one, else an estimate (the request's and the partial answer's bytes, about 4 a token).
    /// </summary>
    /// <param name="error">Why it failed.</param>
    /// <param name="attempts">The attempts made, when the retry layer knows them.</param>
    /// <param name="partial">What a cut stream delivered.</param>
    /// <param name="requeued">A throttle handed to the -ThrottleLimit scheduler, which runs the item again.</param>
    public void Fail(Exception error, int? attempts = null, ChatCompletion? partial = null, bool requeued = false)
    {
        if (Volatile.Read(ref _reported) != 0) return;
        _record.Requeued = requeued;
        _record.ErrorId = error switch
        {
            KimiException k => k.ErrorId,
            OperationCanceledException => "OperationCanceled",
            _ => KimiErrorIds.UnexpectedError,
        };
        if (error is KimiApiException api)
        {
            _record.StatusCode = api.StatusCode;
            _record.RequestId ??= api.RequestId;
            if (api.Attempts > 0) _record.Attempts = api.Attempts;
        }
        if (attempts is { } n) _record.Attempts = n;
        if (partial != null) Take(partial, estimateWhenMissing: true);
        if (requeued && error is KimiException throttle) throttle.RequeuedRecord = _record;
        Report();
    }

    /// <summary>A stream whose reader stopped early (Select-Object -First): counted with what it delivered, without an error.</summary>
    public void Abandoned(ChatCompletion partial)
    {
        if (Volatile.Read(ref _reported) != 0) return;
        Take(partial, estimateWhenMissing: true);
        Report();
    }

    private void Take(ChatCompletion completion, bool estimateWhenMissing = false)
    {
        _record.Usage = completion.Usage;
        _record.FinishReason = completion.FinishReason;
        _record.RequestId ??= completion.RequestId;
        var searches = 0;
        foreach (var choice in completion.Choices)
            foreach (var call in choice.ToolCalls)
                if (call.Name == ChatTool.WebSearch.Name) searches++;
        _record.WebSearches = searches;
        if (_observer.IncludeContent) _record.Answer = completion.Content;
        if (_record.Usage is null && estimateWhenMissing)
        {
            var prompt = Estimate(_body?.Length ?? 0);
            var answer = Estimate(Encoding.UTF8.GetByteCount(completion.Content ?? "") + Encoding.UTF8.GetByteCount(completion.ReasoningContent ?? ""));
            _record.Usage = new ChatUsage { PromptTokens = prompt, CompletionTokens = answer, TotalTokens = prompt + answer };
            _record.UsageEstimated = true;
        }
    }

    private static int Estimate(long bytes) => (int)Math.Min(int.MaxValue, (bytes + TokenEstimate.BytesPerToken - 1) / TokenEstimate.BytesPerToken);

    private void Report()
    {
        if (Interlocked.Exchange(ref _reported, 1) != 0) return;
        _record.Duration = _clock.Elapsed;
        if (_record.Attempts == 0) _record.Attempts = 1;
        _record.RequestId = Clean(_record.RequestId);
        _record.Model = Clean(_record.Model);
        _record.FinishReason = Clean(_record.FinishReason);
        _record.Answer = Clean(_record.Answer);
        if (_observer.IncludeContent && _body != null) _record.RequestBody = Clean(Encoding.UTF8.GetString(_body));
        try
        {
            _observer.OnRequest(_record);
        }
        catch (Exception ex)
        {
            // Ledger and log must never fail the request they describe; the user hears of it instead.
            _emit(KimiDiagnosticLevel.Warning, Msg.RequestRecordLost.Format(_record.Method, _record.Endpoint, ex.Message));
        }
    }

    private string? Clean(string? text)
    {
        if (text is null) return null;
        if (text.Length > MaxContentChars) text = text.Substring(0, MaxContentChars) + "…[truncated]";
        return Secrets.Redact(text, _apiKey);
    }
}
