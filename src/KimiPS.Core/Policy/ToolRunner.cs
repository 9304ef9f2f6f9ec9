namespace KimiPS.Core;

/// <summary>Runs the model's calls of functions the caller owns (Invoke-KimiChat -InvokeTools binds them to commands).</summary>
internal interface IToolRunner
{
    /// <summary>Whether <see cref="Run"/> can answer this call. Asked for every call of a round before any runs.</summary>
    bool CanRun(ToolCall call);

    /// <summary>
    /// The tool result to send back (text; errors too, so the model can react to them). Called on the thread that
    /// runs the answer's rounds (for a cmdlet, a worker): a runner that must run elsewhere hops there itself, and
    /// gives up when <paramref name="ct"/> (the answer's token) is cancelled.
    /// </summary>
    string Run(ToolCall call, CancellationToken ct);
}

/// <summary>What the rounds engine needs to know about tool calls (reference/kimi-api.md §3.4).</summary>
internal static class ToolCalls
{
    /// <summary>A server-side tool: declared as builtin_function, or a reserved '$' name.</summary>
    public static bool IsBuiltin(ToolCall call) =>
        call.Type == "builtin_function" || call.Name.StartsWith("$", StringComparison.Ordinal);

    /// <summary>The tool message that answers a built-in call (<c>$web_search</c>): its arguments, unchanged; the server runs the search.</summary>
    public static ChatMessage Echo(ToolCall call) => ChatMessage.Tool(call.Id, call.Name, call.Arguments);

    /// <summary>Whether the answer asks for tools rather than ending the turn.</summary>
    public static bool WantsTools(ChatCompletion completion) =>
        completion.FinishReason == "tool_calls" && completion.ToolCalls.Count > 0;
}
