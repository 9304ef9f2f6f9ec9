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
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent?>? content,
        ErrorContext context, bool bufferBody, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_options.ApiKey)) throw Errors.NotConnected();
        var uri = Resolve(path);
        // RequestTimeout is the total for every attempt and every wait between them, as -TimeoutSec's help says:
        // per attempt, 3 attempts of a 5 s limit took 16-22 s.
        var deadline = Deadline.Start(_options.RequestTimeout);
        for (var attempt = 1; ; attempt++)
        {
            KimiException failure;
            try
            {
                return await SendOnceAsync(method, uri, content, context, bufferBody, attempt, deadline, ct).ConfigureAwait(false);
            }
            catch (KimiException ex)
            {
                failure = ex;
            }

            if (failure is KimiApiException api) api.Attempts = attempt;
            RetryDecision decision;
            lock (_random) // Random is not thread-safe; one client serves concurrent requests
                decision = Backoff.Decide(failure, attempt, _options.MaxRetries, _options.MaxRetryDelay, _options.RetryBaseDelay, _options.MaxBackoff, _random);
            if (decision.Retry && deadline.Left <= decision.Delay)
                decision = RetryDecision.Stop($"{decision.Reason}, which would pass RequestTimeout ({TimeText.Seconds(_options.RequestTimeout)} s in total)");
            if (!decision.Retry)
            {
                _emit(KimiDiagnosticLevel.Debug, $"Not retrying {method} {uri.AbsolutePath}: {decision.Reason}.");
                throw failure;
            }
            _emit(KimiDiagnosticLevel.Warning,
                $"{decision.Reason}: retrying {method} {uri.AbsolutePath} (attempt {attempt + 1} of {_options.MaxRetries + 1}).");
            await Task.Delay(decision.Delay, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends with retries and returns the whole body and the request id.</summary>
    public async Task<(byte[] Body, string? RequestId)> SendForBytesAsync(HttpMethod method, string path, Func<HttpContent?>? content,
        ErrorContext context, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, content, context, bufferBody: true, ct).ConfigureAwait(false);
        return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false), RequestIdOf(response));
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, Func<HttpContent?>? content,
        ErrorContext context, bool bufferBody, int attempt, Deadline deadline, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        request.Headers.ExpectContinue = false;
        _emit(KimiDiagnosticLevel.Verbose, $"{method} {uri}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.Arm(timeout);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
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

        _emit(KimiDiagnosticLevel.Debug, $"HTTP {(int)response.StatusCode} from {method} {uri.AbsolutePath} in {clock.ElapsedMilliseconds} ms (attempt {attempt}).");
        if (response.IsSuccessStatusCode)
        {
            if (bufferBody) await BufferAsync(response, uri, timeout, ct).ConfigureAwait(false);
            return response;
        }

        using (response)
        {
            var body = await ReadErrorBodyAsync(response, timeout, ct).ConfigureAwait(false);
            throw ErrorCatalog.FromResponse((int)response.StatusCode, HeadersOf(response), body, _options.ApiKey, context);
        }
    }

    private async Task BufferAsync(HttpResponseMessage response, Uri uri, CancellationTokenSource timeout, CancellationToken ct)
    {
        // LoadIntoBufferAsync takes no token on netstandard2.0: disposing the response is what stops it.
        using var stop = timeout.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        try
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
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
