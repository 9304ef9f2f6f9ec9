namespace KimiPS.Core;

/// <summary>
/// The one engine for the extra requests an answer may need (DESIGN.md §3.3, reference/kimi-api.md §3.3, §3.4):
/// Partial Mode continuation after <c>finish_reason: length</c> (at most AutoContinue times), the one steering
/// round that emulates a <c>tool_choice</c> Kimi does not accept, the echo of the built-in <c>$web_search</c>, and
/// the caller's own tools through an <see cref="IToolRunner"/>. Transport-free: a driver (KimiClient's JSON and
/// streaming paths alike) sends <see cref="Request"/>, reads the answer with <see cref="Prefix"/>, and asks
/// <see cref="Next"/> whether another round is needed; <see cref="Result"/> finishes the last answer.
/// </summary>
/// <remarks>
/// Here, and only here: usage is summed over every round, follow-ups are counted, the Partial prefix is
/// carried, and the request is changed between rounds. <see cref="Request"/> is the prepared wire request,
/// which <see cref="ModelPolicy.Prepare"/> copied from the caller's: the rounds change that one copy in place,
/// so a driver must have written a round's body before it calls <see cref="Next"/>.
/// </remarks>
internal sealed class ChatRounds
{
    /// <summary>Most requests of one tool loop unless the caller says otherwise.</summary>
    public const int DefaultMaxToolRounds = 10;

    private readonly Action<string> _warn;
    private readonly IToolRunner? _runner;
    private readonly int _maxToolRounds;
    private readonly List<ChatMessage> _added = new();
    private ChatUsage? _usage;
    private int _requests;
    private int _continuations;
    private int _toolRounds;
    private bool _steered;
    private bool _toolCalled;

    /// <param name="prepared">What the model policy decided for the caller's request.</param>
    /// <param name="warn">Receives what the caller should know (the client's warning diagnostics; PowerShell's warning stream).</param>
    /// <param name="runner">Answers calls of the caller's functions; null: such calls end the answer and are returned in ToolCalls.</param>
    /// <param name="maxToolRounds">Most requests of the tool loop (answers that ask for tools, and the one after the last).</param>
    public ChatRounds(PreparedChat prepared, Action<string> warn, IToolRunner? runner = null, int maxToolRounds = DefaultMaxToolRounds)
    {
        if (maxToolRounds < 1) throw new ArgumentOutOfRangeException(nameof(maxToolRounds));
        Prepared = prepared ?? throw new ArgumentNullException(nameof(prepared));
        _warn = warn ?? throw new ArgumentNullException(nameof(warn));
        _runner = runner;
        _maxToolRounds = maxToolRounds;
        Prefix = prepared.PartialPrefix;
    }

    public PreparedChat Prepared { get; }

    /// <summary>The request of the next round (see the remarks: one copy, changed in place between rounds).</summary>
    public ChatRequest Request => Prepared.Wire;

    /// <summary>The text the next response continues: the client prepends it (the server does not repeat it).</summary>
    public string? Prefix { get; private set; }

    /// <summary>The reasoning of the rounds the next response continues (Partial Mode); null for a new answer.</summary>
    public string? EarlierReasoning { get; private set; }

    /// <summary>Requests whose answer has been given to <see cref="Next"/>.</summary>
    public int Requests => _requests;

    /// <summary>The assistant tool-call turns and tool results of the tool loop, in order (not the last answer): what a conversation keeps.</summary>
    public IReadOnlyList<ChatMessage> AddedMessages => _added;

    /// <summary>The model still asked for tools when the tool loop reached its cap; the last answer, with its calls, is the result.</summary>
    public bool ToolLimitReached { get; private set; }

    /// <summary>Calls nobody could answer (no runner, or a function the runner does not know): the caller gets them in the answer.</summary>
    public IReadOnlyList<ToolCall> Unhandled { get; private set; } = Array.Empty<ToolCall>();

    /// <summary>
    /// Takes the answer of the round just sent; true when another round is needed (<see cref="Request"/> and
    /// <see cref="Prefix"/> are then set for it), false when <paramref name="completion"/> is the answer.
    /// Runs the caller's tools, when the answer asks for them, through the runner with <paramref name="ct"/>.
    /// </summary>
    public bool Next(ChatCompletion completion, CancellationToken ct = default)
    {
        if (completion is null) throw new ArgumentNullException(nameof(completion));
        _requests++;
        _usage = ChatUsage.Add(_usage, completion.Usage);
        if (completion.ToolCalls.Count > 0) _toolCalled = true;

        if (ModelPolicy.CanContinue(Prepared, completion, _continuations))
        {
            ModelPolicy.ContinueAfterLength(Prepared, Request, completion);
            _continuations++;
            Prefix = completion.Content;
            EarlierReasoning = ModelPolicy.Join(EarlierReasoning, completion.ReasoningContent);
            return true;
        }
        if (completion.FinishReason == "length" && Request.AutoContinue > 0) WarnStillCut(completion);

        if (ToolCalls.WantsTools(completion)) return AnswerToolCalls(completion, ct);

        // The emulated tool_choice is met by any tool call of this answer, in any round.
        if (!_toolCalled && !_steered && ModelPolicy.AskForTool(Prepared, Request, completion))
        {
            _steered = true;
            NewAnswer();
            return true;
        }
        if (_steered && !_toolCalled)
            _warn($"ToolChoice '{RequestedToolChoice()}' was emulated (Kimi accepts only auto and none): the model was asked once more " +
                  $"with the message \"{ModelPolicy.SteeringPrompt(Prepared)}\" and still called no tool. Its answer, to that message, is returned.");
        return false;
    }

    /// <summary>The last answer, finished: its text already includes the continued rounds (as prefix); its reasoning gets theirs here; usage is the sum over every round.</summary>
    public ChatCompletion Result(ChatCompletion last)
    {
        if (last is null) throw new ArgumentNullException(nameof(last));
        if (EarlierReasoning is not null && last.Choices.Count > 0)
            last.Choices[0].ReasoningContent = ModelPolicy.Join(EarlierReasoning, last.Choices[0].ReasoningContent);
        last.Usage = _usage;
        last.FollowUps = Math.Max(0, _requests - 1);
        return last;
    }

    /// <summary>
    /// A round after the first failed before it delivered anything: the text the answer had so far (the Partial
    /// prefix of a continuation) goes on the error, as a stream failure's does, unless the error has its own.
    /// </summary>
    public void KeepPartial(KimiException error)
    {
        if (error is null || error.PartialContent is not null) return;
        if (string.IsNullOrEmpty(Prefix) && EarlierReasoning is null) return;
        error.KeepPartial(Prefix ?? "", EarlierReasoning);
    }

    private bool AnswerToolCalls(ChatCompletion completion, CancellationToken ct)
    {
        // Every call of the round is checked before any runs, so nothing runs half-way.
        var unhandled = completion.ToolCalls.Where(c => !ToolCalls.IsBuiltin(c) && (_runner is null || !_runner.CanRun(c))).ToList();
        if (unhandled.Count > 0)
        {
            Unhandled = unhandled;
            return false;
        }
        if (_toolRounds + 1 >= _maxToolRounds)
        {
            ToolLimitReached = true;
            return false;
        }
        _toolRounds++;

        // A Partial Mode prefix applies to the first answer only; the tool rounds follow the model's own turn.
        ModelPolicy.RemoveTrailingPartial(Request);
        var turn = completion.ToMessage();
        // The request was prepared once, so this turn did not pass the policy: with thinking on, Kimi rejects a
        // tool-call turn without reasoning_content ("" counts as missing).
        if (Prepared.IsThinkingModel && Prepared.ThinkingOn && string.IsNullOrEmpty(turn.ReasoningContent)) turn.ReasoningContent = " ";
        var round = new List<ChatMessage> { turn };
        foreach (var call in completion.ToolCalls)
            round.Add(ToolCalls.IsBuiltin(call) ? ToolCalls.Echo(call) : ChatMessage.Tool(call.Id, call.Name, _runner!.Run(call, ct)));
        _added.AddRange(round);
        foreach (var m in round) Request.Messages.Add(m);
        NewAnswer();
        return true;
    }

    /// <summary>The next round is a new answer (to tool results or a steering message), not a continuation.</summary>
    private void NewAnswer()
    {
        Prefix = null;
        EarlierReasoning = null;
    }

    private void WarnStillCut(ChatCompletion completion)
    {
        var autoContinue = Request.AutoContinue;
        if (completion.Choices.Count != 1)
            _warn($"The answer stopped at the token limit (finish_reason length) and was not continued: AutoContinue continues a single answer, " +
                  $"and this one has {completion.Choices.Count} choices. Raise MaxTokens, or ask for one choice.");
        else
            _warn($"The answer is still cut at the token limit (finish_reason length) after {_continuations} continuation{(_continuations == 1 ? "" : "s")} " +
                  $"(AutoContinue {autoContinue}); the text so far is returned. Raise MaxTokens or AutoContinue for the rest.");
    }

    private string RequestedToolChoice() =>
        Prepared.ToolChoiceEmulation == ToolChoiceEmulation.Named ? Prepared.RequiredToolName ?? "" : "required";
}
