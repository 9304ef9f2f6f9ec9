using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace KimiPS.Emulator.Server;

/// <summary>
/// Writes a <see cref="ResponsePlan"/>, applying a scripted response's delivery faults: a delay
/// before the status line, writes of a given size with pauses between them (each flushed, so the
/// client really receives them apart), a cut after N bytes, or a stall that keeps the socket open.
/// </summary>
internal static class Faults
{
    public static async Task WriteAsync(HttpContext context, ResponsePlan plan, EmulatorResponse? faults, CancellationToken ct)
    {
        if (faults is { Delay: var delay } && delay > TimeSpan.Zero) await Task.Delay(delay, ct);

        var response = context.Response;
        response.StatusCode = plan.Status;
        if (plan.ContentType is not null) response.ContentType = plan.ContentType;
        foreach (var (name, value) in plan.Headers) response.Headers.Append(name, value);

        if (plan.BodyWriter is { } writer)
        {
            if (plan.DeclaredLength is long declared) response.ContentLength = declared;
            await response.StartAsync(ct);
            await writer(response.Body, ct);
            return;
        }

        var writes = faults?.WriteSize is int size ? Resplit(plan.Writes, size) : plan.Writes;
        if (plan.IsEventStream)
        {
            // Proxies and some clients buffer without these; Kimi's stream is sent uncached.
            response.Headers.CacheControl = "no-cache";
        }
        else
        {
            // A complete answer has a length; a cut one then ends "prematurely", as it would in the wild.
            response.ContentLength = writes.Sum(w => (long)w.Length);
        }
        await response.StartAsync(ct);

        var cut = faults?.CutAfterBytes;
        var pause = faults?.DelayBetweenWrites ?? TimeSpan.Zero;
        long written = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            if (i > 0 && pause > TimeSpan.Zero) await Task.Delay(pause, ct);
            var bytes = writes[i];
            if (cut is int limit && written + bytes.Length >= limit)
            {
                await WriteFlushedAsync(response, bytes.AsMemory(0, (int)(limit - written)), ct);
                await CutAsync(context, faults!.StallAfterCut, ct);
                return;
            }
            await WriteFlushedAsync(response, bytes, ct);
            written += bytes.Length;
        }
        if (cut is not null) await CutAsync(context, faults!.StallAfterCut, ct);
    }

    private static async Task WriteFlushedAsync(HttpResponse response, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        if (!bytes.IsEmpty) await response.Body.WriteAsync(bytes, ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>A cut ends the connection after the bytes sent so far; a stall waits until the client gives up (or the emulator stops).</summary>
    private static async Task CutAsync(HttpContext context, bool stall, CancellationToken ct)
    {
        if (!stall && context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(CuttableTransport.ItemKey, out var item) == true
            && item is CuttableTransport transport)
        {
            transport.Cut();
            return;
        }
        if (stall)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // The client went away or the emulator is stopping: that is the end of the stall.
            }
        }
        context.Abort();
    }

    private static IReadOnlyList<byte[]> Resplit(IReadOnlyList<byte[]> writes, int size)
    {
        size = Math.Max(1, size);
        var all = writes.SelectMany(w => w).ToArray();
        var result = new List<byte[]>((all.Length + size - 1) / size);
        for (var start = 0; start < all.Length; start += size) result.Add(all[start..Math.Min(all.Length, start + size)]);
        return result;
    }
}
