using Microsoft.AspNetCore.Http;
using KimiPS.Emulator.Endpoints;

namespace KimiPS.Emulator.Server;

/// <summary>
/// Maps a request to its default endpoint. The first path segment is ignored, so <c>/v1/…</c> and a
/// gateway's <c>/kimi/…</c> both work (DESIGN §3.2: a BaseUri may carry a path).
/// </summary>
internal static class Router
{
    public static async Task<ResponsePlan> RouteAsync(HttpContext context, RecordedRequest request, EmulatorState state)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var method = request.Method;
        return (segments, method) switch
        {
            (["chat", "completions"], "POST") => ChatEndpoint.Handle(request, state.CallOfferedTools, state.EchoKey),
            (["models"], "GET") => AccountEndpoints.ListModels(),
            (["users", "me", "balance"], "GET") => AccountEndpoints.Balance(),
            (["tokenizers", "estimate-token-count"], "POST") => AccountEndpoints.EstimateTokens(request),
            (["files"], "POST") => await FilesEndpoint.UploadAsync(context, request, state.Files),
            (["files"], "GET") => FilesEndpoint.List(state.Files),
            (["files", var id], "GET") => FilesEndpoint.Get(state.Files, id),
            (["files", var id], "DELETE") => FilesEndpoint.Delete(state.Files, id),
            (["files", var id, "content"], "GET") => FilesEndpoint.Content(state.Files, id),
            (["batches"], "POST") => BatchEndpoint.Create(request, state.Files, state.Batches, state.BatchScript),
            (["batches"], "GET") => BatchEndpoint.List(request, state.Batches),
            (["batches", var id], "GET") => BatchEndpoint.Get(id, state.Files, state.Batches),
            (["batches", var id, "cancel"], "POST") => BatchEndpoint.Cancel(id, state.Batches),
            _ => Errors.Kimi(404, "resource_not_found_error", $"Not found: {method} {request.Path}"),
        };
    }
}
