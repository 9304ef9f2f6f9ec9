namespace KimiPS.Core;

/// <summary>Runs the model's calls of functions the caller owns (Invoke-KimiChat -InvokeTools binds them to commands).</summary>
internal interface IToolRunner
{
    /// <summary>Whether <see cref="Run"/> can answer this call. Asked for every call of a round before any runs.</summary>
    bool CanRun(ToolCall call);

    /// <summary>The tool result to send back (text; errors too, so the model can react to them).</summary>
    string Run(ToolCall call);
}

/// <summary>How a tool loop ended.</summary>
internal sealed class ToolLoopResult
{
    public ToolLoopResult(ChatCompletion completion, IReadOnlyList<ChatMessage> addedMessages, int rounds, bool limitReached, IReadOnlyList<ToolCall> unhandled)
    {
        Completion = completion;
        AddedMessages = addedMessages;
        Rounds = rounds;
        LimitReached = limitReached;
        Unhandled = unhandled;
    }

    /// <summary>The last answer, with usage summed over every round.</summary>
    public ChatCompletion Completion { get; }
    /// <summary>The assistant tool-call turns and tool results of the loop, in order (not the last answer): what a conversation keeps.</summary>
    public IReadOnlyList<ChatMessage> AddedMessages { get; }
    public int Rounds { get; }
    /// <summary>The model still wanted tools when the round cap was reached.</summary>
    public bool LimitReached { get; }
    /// <summary>Calls nobody could answer (no runner, or a function the runner does not know): the caller gets them in the answer.</summary>
    public IReadOnlyList<ToolCall> Unhandled { get; }
}

/// <summary>
/// The tool-call loop of one chat request. Kimi's built-in <c>$web_search</c> is run by the server: the client
/// only echoes the call's arguments back, verbatim, as the tool message, and asks again (reference/kimi-api.md §3.4).
/// Function calls go to an <see cref="IToolRunner"/>. The loop stops when the model answers, when a call cannot be
/// answered (all calls of a round are checked first, so nothing runs half-way), or after <c>maxRounds</c> requests.
/// </summary>
internal static class ToolLoop
{
    public const int DefaultMaxRounds = 10;

    /// <summary>A server-side tool: declared as builtin_function, or a reserved '$' name.</summary>
    public static bool IsBuiltin(ToolCall call) =>
        call.Type == "builtin_function" || call.Name.StartsWith("$", StringComparison.Ordinal);

    /// <summary>The tool message that answers a built-in call: its arguments, unchanged.</summary>
    public static ChatMessage Echo(ToolCall call) => ChatMessage.Tool(call.Id, call.Name, call.Arguments);

    /// <summary>The tool messages for the built-in calls of an answer, in call order.</summary>
    public static IReadOnlyList<ChatMessage> EchoBuiltinCalls(ChatCompletion completion) =>
        completion.ToolCalls.Where(IsBuiltin).Select(Echo).ToList();

    /// <summary>Longest tool result sent back: a command's output can be huge, and every character costs context and money.</summary>
    public const int MaxResultLength = 20000;

    /// <summary>
    /// A command's output as a tool result: without its leading blank lines and trailing space, "(no output)" when
    /// empty, cut at <see cref="MaxResultLength"/> with a note. The first line keeps its indent: Out-String pads a
    /// table's header to its columns, and trimming it would misalign the table.
    /// </summary>
    public static string FormatResult(string? output)
    {
        var text = (output ?? "").TrimEnd();
        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
        if (first == text.Length) return "(no output)";
        text = text.Substring(text.LastIndexOf('\n', first) + 1);
        if (text.Length <= MaxResultLength) return text;
        // Never half of a surrogate pair (an emoji): the writer would send it as U+FFFD.
        var keep = char.IsHighSurrogate(text[MaxResultLength - 1]) ? MaxResultLength - 1 : MaxResultLength;
        return text.Substring(0, keep) + $"\n… (output truncated: {text.Length - keep} more characters)";
    }

    /// <summary>Whether the answer asks for tools rather than ending the turn.</summary>
    public static bool WantsTools(ChatCompletion completion) =>
        completion.FinishReason == "tool_calls" && completion.ToolCalls.Count > 0;

    /// <summary>Sends <paramref name="request"/> (not modified), answering tool calls until the model answers.</summary>
    public static ToolLoopResult Run(ChatRequest request, Func<ChatRequest, ChatCompletion> send, IToolRunner? runner, int maxRounds = DefaultMaxRounds)
    {
        if (maxRounds < 1) throw new ArgumentOutOfRangeException(nameof(maxRounds));
        var current = request.Clone();
        var added = new List<ChatMessage>();
        ChatUsage? usage = null;
        var rounds = 0;
        while (true)
        {
            var completion = send(current);
            rounds++;
            usage = ChatUsage.Add(usage, completion.Usage);

            ToolLoopResult Done(bool limit, IReadOnlyList<ToolCall> unhandled)
            {
                completion.Usage = usage;
                completion.FollowUps += rounds - 1;
                return new ToolLoopResult(completion, added, rounds, limit, unhandled);
            }

            if (!WantsTools(completion)) return Done(false, Array.Empty<ToolCall>());
            var unhandled = completion.ToolCalls.Where(c => !IsBuiltin(c) && (runner is null || !runner.CanRun(c))).ToList();
            if (unhandled.Count > 0) return Done(false, unhandled);
            if (rounds >= maxRounds) return Done(true, Array.Empty<ToolCall>());

            // A Partial Mode prefix applies to the first answer only; the tool rounds follow the model's own turn.
            if (current.Messages.Count > 0 && current.Messages[current.Messages.Count - 1].Partial)
                current.Messages.RemoveAt(current.Messages.Count - 1);

            var round = new List<ChatMessage> { completion.ToMessage() };
            foreach (var call in completion.ToolCalls)
                round.Add(IsBuiltin(call) ? Echo(call) : ChatMessage.Tool(call.Id, call.Name, runner!.Run(call)));
            added.AddRange(round);
            foreach (var m in round) current.Messages.Add(m);
        }
    }
}
