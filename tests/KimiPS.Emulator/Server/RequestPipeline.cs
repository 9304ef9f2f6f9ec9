using Microsoft.AspNetCore.Http;

namespace KimiPS.Emulator.Server;

/// <summary>
/// The one middleware: number and record the request, check auth, then limits, then answer with a
/// scripted response (queue first, then <see cref="KimiEmulator.Handler"/>) or the default endpoint.
/// </summary>
internal sealed class RequestPipeline(EmulatorState state, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_emulator"))
        {
            await ControlEndpoints.HandleAsync(context, state);
            return;
        }

        var number = state.Counters.OnRequest();
        context.Response.Headers["Msh-Request-Id"] = "emu-" + number;
        if (state.EchoKey) KeyEcho.Headers(context, number);
        context.Request.Body = new CountingStream(context.Request.Body, state.Counters);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = cts.Token;
        try
        {
            var request = await Recorder.RecordAsync(context, number);
            state.Record(request);
            if (request.Path.EndsWith("/chat/completions", StringComparison.Ordinal)) state.Counters.OnChat();
            await AnswerAsync(context, request, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The client left (or the emulator is stopping): nobody is waiting for an answer.
            context.Abort();
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            // A bug in a handler or script: say so as Kimi would, rather than a bare 500.
            context.Response.Clear();
            context.Response.Headers["Msh-Request-Id"] = "emu-" + number;
            await Faults.WriteAsync(context, Errors.Kimi(500, "server_error", "Emulator failure: " + ex.Message), null, ct);
        }
    }

    private async Task AnswerAsync(HttpContext context, RecordedRequest request, CancellationToken ct)
    {
        if (!Auth.IsAuthorized(context.Request, state.AcceptedKeys))
        {
            await AnswerEarlyAsync(context, Errors.Unauthorized(), null, ct);
            return;
        }

        if (state.Gate.TryEnter() is { } rejection)
        {
            await AnswerEarlyAsync(context, Errors.Kimi(429, "rate_limit_reached_error", rejection), null, ct);
            return;
        }

        try
        {
            if (state.Limits.Latency is var latency && latency > TimeSpan.Zero) await Task.Delay(latency, ct);
            var scripted = state.TakeScripted(request) ?? state.Handler?.Invoke(request);
            if (scripted is not null)
            {
                await AnswerEarlyAsync(context, scripted.Build(request), scripted, ct);
                return;
            }
            var plan = await Router.RouteAsync(context, request, state);
            await Faults.WriteAsync(context, plan, null, ct);
        }
        finally
        {
            state.Gate.Exit();
        }
    }

    /// <summary>Answers without having read an upload; the rest of it is drained first so the client can read the answer.</summary>
    private static async Task AnswerEarlyAsync(HttpContext context, ResponsePlan plan, EmulatorResponse? faults, CancellationToken ct)
    {
        if (Recorder.IsMultipart(context.Request)) await Recorder.DrainAsync(context.Request, ct);
        await Faults.WriteAsync(context, plan, faults, ct);
    }
}
