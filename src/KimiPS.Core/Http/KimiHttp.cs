using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace KimiPS.Core;

/// <summary>
/// The one retry layer (DESIGN.md §3.4): sends a request, maps failures to the error catalogue,
/// and retries what is retryable with jittered backoff or the server's requested wait. A stream is
/// retried only until its response headers arrive: once a chunk could have been yielded, never.
/// </summary>
internal sealed class KimiHttp
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private readonly KimiClientOptions _options;
    private readonly HttpClient _client;
    private readonly Action<KimiDiagnosticLevel, string> _emit;
    private readonly Random _random = new();

    public KimiHttp(KimiClientOptions options, Action<KimiDiagnosticLevel, string> emit)
    {
        _options = options;
        _emit = emit;
        _client = HttpClientCache.Get(options.Proxy);
        HttpClientCache.RaiseConnectionLimit(options.BaseUri);
    }

    private Uri Resolve(string relativePath) => Endpoint.Combine(_options.BaseUri, relativePath);

    /// <summary>
    /// Sends with retries and returns the successful response (the caller disposes it). With
    /// <paramref name="bufferBody"/> the whole body is read inside the attempt and its timeout, so a
    /// body cut after a good status line is retried like any failed send; a stream's body is not.
    /// </summary>
    /// <remarks>
    /// <c>trace</c> is the request's record (chat fills in the answer); null: one is made here and reported on the
    /// response. <c>headers</c> are this request's extra headers (Invoke-KimiChat -AdditionalHeaders), after the connection's.
    /// </remarks>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent?>? content,
        ErrorContext context, bool bufferBody, CancellationToken ct, RequestTrace? trace = null, IDictionary<string, string>? headers = null)
    {
        if (string.IsNullOrEmpty(_options.ApiKey)) throw Errors.NotConnected();
        trace ??= Trace(method, path, null, streamed: false, body: null, completesOnResponse: true);
        var uri = Resolve(path);
        // RequestTimeout is the total for every attempt and every wait between them, as -TimeoutSec's help says:
        // per attempt, 3 attempts of a 5 s limit took 16-22 s.
        var deadline = Deadline.Start(_options.RequestTimeout);
        for (var attempt = 1; ; attempt++)
        {
            KimiException failure;
            try
            {
                var response = await SendOnceAsync(method, uri, content, context, bufferBody, attempt, deadline, ct, headers).ConfigureAwait(false);
                trace?.Responded((int)response.StatusCode, RequestIdOf(response), attempt);
                return response;
            }
            catch (KimiException ex)
            {
                failure = ex;
            }
            catch (Exception ex) when (trace != null)
            {
                trace.Fail(ex, attempt);
                throw;
            }

            if (failure is KimiApiException api) api.Attempts = attempt;
            RetryDecision decision;
            lock (_random) // Random is not thread-safe; one client serves concurrent requests
                decision = Backoff.Decide(failure, attempt, _options.MaxRetries, _options.MaxRetryDelay, _options.RetryBaseDelay, _options.MaxBackoff, _random);
            var requeued = decision.Retry && _options.ThrottlesRetriedByScheduler && ThrottleSignal.AsThrottle(failure) is not null;
            if (requeued)
                decision = RetryDecision.Stop(Msg.SchedulerRetries.Format(decision.Reason));
            if (decision.Retry && deadline.Left <= decision.Delay)
                decision = RetryDecision.Stop(Msg.WouldPassRequestTimeout.Format(decision.Reason, TimeText.Seconds(_options.RequestTimeout)));
            if (!decision.Retry)
            {
                _emit(KimiDiagnosticLevel.Debug, $"Not retrying {method} {uri.AbsolutePath}: {decision.Reason}.");
                if (decision.Note is { } note) failure.AddNote(note);
                trace?.Fail(failure, attempt, requeued: requeued);
                throw failure;
            }
            _emit(KimiDiagnosticLevel.Warning,
                Msg.RetryingWarning.Format(decision.Reason, method, uri.AbsolutePath, attempt + 1, _options.MaxRetries + 1));
            try
            {
                await Task.Delay(decision.Delay, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (trace != null)
            {
                trace.Fail(ex, attempt);
                throw;
            }
        }
    }

    /// <summary>A record of one request for the options' observer, or null when there is none.</summary>
    internal RequestTrace? Trace(HttpMethod method, string path, string? model, bool streamed, byte[]? body, bool completesOnResponse) =>
        RequestTrace.Start(_options, _emit, method, path, model, streamed, body, completesOnResponse);

    /// <summary>Sends with retries and returns the whole body and the request id.</summary>
    public async Task<(byte[] Body, string? RequestId)> SendForBytesAsync(HttpMethod method, string path, Func<HttpContent?>? content,
        ErrorContext context, CancellationToken ct, RequestTrace? trace = null, IDictionary<string, string>? headers = null)
    {
        using var response = await SendAsync(method, path, content, context, bufferBody: true, ct, trace, headers).ConfigureAwait(false);
        return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false), RequestIdOf(response));
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, Func<HttpContent?>? content,
        ErrorContext context, bool bufferBody, int attempt, Deadline deadline, CancellationToken ct, IDictionary<string, string>? headers)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.Arm(timeout);   // what is left of RequestTimeout, which covers every attempt and redirect
        var clock = Stopwatch.StartNew();
        var target = uri;
        for (var hop = 0; ; hop++)
        {
            var response = await SendRequestAsync(method, target, content, timeout, ct, headers).ConfigureAwait(false);
            _emit(KimiDiagnosticLevel.Debug, $"HTTP {(int)response.StatusCode} from {method} {target.AbsolutePath} in {clock.ElapsedMilliseconds} ms (attempt {attempt}).");
            if (RedirectTarget(response, target, method, hop) is { } next)
            {
                response.Dispose();
                target = next;
                continue;
            }
            if (response.IsSuccessStatusCode)
            {
                if (bufferBody) await BufferAsync(response, target, timeout, ct).ConfigureAwait(false);
                return response;
            }

            using (response)
            {
                var body = await ReadErrorBodyAsync(response, timeout, ct).ConfigureAwait(false);
                throw ErrorCatalog.FromResponse((int)response.StatusCode, HeadersOf(response), body, _options.ApiKey, context);
            }
        }
    }

    private async Task<HttpResponseMessage> SendRequestAsync(HttpMethod method, Uri uri, Func<HttpContent?>? content,
        CancellationTokenSource timeout, CancellationToken ct, IDictionary<string, string>? headers)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
        // Extra headers first, so nothing they say can take the place of the key's header (they are checked too).
        RequestHeaders.Add(request, _options.AdditionalHeaders);
        RequestHeaders.Add(request, headers);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        request.Headers.ExpectContinue = false;
        _emit(KimiDiagnosticLevel.Verbose, $"{method} {uri}");
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is OperationCanceledException)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw Errors.RequestTimeout(_options.RequestTimeout);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or WebException or OperationCanceledException)
        {
            throw Errors.ConnectionFailed(uri, ex, HttpClientCache.ProxyFor(_options.Proxy, uri));
        }
    }

    private const int MaxRedirects = 5;

    /// <summary>
    /// Where a redirect leads, when it may be followed: within the same origin (scheme, host and port, so the
    /// plain-http rule already holds), 307/308 for any method and 301/302/303 for GET only (they would turn a POST
    /// into a GET), at most <see cref="MaxRedirects"/> times. A redirect elsewhere is refused: following it would send
    /// the prompt (and files) to a server the user never chose. Null when the response is no redirect.
    /// </summary>
    private static Uri? RedirectTarget(HttpResponseMessage response, Uri from, HttpMethod method, int hop)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308)) return null;
        var location = response.Headers.Location;
        if (location is null) return null; // no target: the error catalogue reports the status
        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        var origin = target.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        if (origin != from.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped))
        {
            response.Dispose();
            throw Errors.RedirectRefused(status, Msg.RedirectOtherOrigin.Format(origin));
        }
        if (status is 301 or 302 or 303 && method != HttpMethod.Get)
        {
            response.Dispose();
            throw Errors.RedirectRefused(status, Msg.RedirectToGet.Format(target.AbsolutePath, method));
        }
        if (hop >= MaxRedirects)
        {
            response.Dispose();
            throw Errors.RedirectRefused(status, Msg.RedirectTooMany.Format(MaxRedirects));
        }
        return target;
    }

    /// <summary>
    /// Reads the whole body, at most <see cref="KimiClientOptions.MaxResponseBytes"/> (after decompression), within
    /// the attempt's timeout; the response then holds it in memory. Beyond the limit: KimiProtocolError, never retried.
    /// </summary>
    private async Task BufferAsync(HttpResponseMessage response, Uri uri, CancellationTokenSource timeout, CancellationToken ct)
    {
        var limit = _options.MaxResponseBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            response.Dispose();
            throw Errors.ResponseTooLarge(declared, limit);
        }
        // .NET Framework's response stream ignores the token: disposing the response is what stops a read.
        using var stop = timeout.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        try
        {
            var body = new MemoryStream((int)Math.Min(declared ?? 16 * 1024, limit));
            var chunk = new byte[16 * 1024];
            using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, timeout.Token).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > limit)
                    {
                        response.Dispose(); // closes the connection: the rest is never read
                        throw Errors.ResponseTooLarge(null, limit);
                    }
                    body.Write(chunk, 0, read);
                }
            }
            var buffered = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
            foreach (var header in response.Content.Headers) buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            var original = response.Content;
            response.Content = buffered;
            original.Dispose();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException)
        {
            response.Dispose();
            ct.ThrowIfCancellationRequested();
            if (timeout.IsCancellationRequested) throw Errors.RequestTimeout(_options.RequestTimeout);
            throw Errors.ConnectionFailed(uri, ex);
        }
    }

    /// <summary>
    /// Reads at most <see cref="MaxErrorBodyBytes"/> of an error body. A body that is cut or stalls
    /// past the request timeout yields what arrived: the status alone still maps to an error, and a
    /// timeout here must not surface as the caller's cancellation. Only the caller's token cancels.
    /// </summary>
    private static async Task<byte[]> ReadErrorBodyAsync(HttpResponseMessage response, CancellationTokenSource timeout, CancellationToken ct)
    {
        // .NET Framework's response stream ignores the token: disposing the response is what stops a read.
        using var stop = timeout.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        var buffer = new byte[MaxErrorBodyBytes];
        var total = 0;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer, total, buffer.Length - total, timeout.Token).ConfigureAwait(false)) > 0)
                total += read;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException)
        {
            ct.ThrowIfCancellationRequested();
        }
        Array.Resize(ref buffer, total);
        return buffer;
    }

    internal static IReadOnlyDictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers) headers[header.Key] = string.Join(",", header.Value);
        if (response.Content is not null)
            foreach (var header in response.Content.Headers) headers[header.Key] = string.Join(",", header.Value);
        return headers;
    }

    /// <summary>The request id of a successful response, from the same headers an error is read from.</summary>
    internal static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in HeaderLookup.RequestIdHeaders)
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } id) return id;
        return null;
    }
}
