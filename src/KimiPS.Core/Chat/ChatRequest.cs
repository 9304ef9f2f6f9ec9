namespace KimiPS.Core;

/// <summary>
/// A chat completion request (reference/kimi-api.md §3). Only what is set is sent; the model policy
/// (DESIGN.md §3.3) may drop or rewrite options a model does not accept, with a warning.
/// </summary>
public sealed class ChatRequest
{
    public ChatRequest() { }

    public ChatRequest(string model, params ChatMessage[] messages)
    {
        Model = model;
        Messages = new List<ChatMessage>(messages);
    }

    /// <summary>Model id, as listed by <c>/v1/models</c> (for example kimi-k2.6).</summary>
    public string Model { get; set; } = "";

    public IList<ChatMessage> Messages { get; set; } = new List<ChatMessage>();

    /// <summary>[0, 1] on Kimi. Fixed (and dropped with a warning) for kimi-k2.5/k2.6/k2.7-code/k3.</summary>
    public double? Temperature { get; set; }
    public double? TopP { get; set; }
    /// <summary>Sent as <c>max_tokens</c> (every Kimi model accepts it); counts reasoning and answer.</summary>
    public int? MaxTokens { get; set; }
    /// <summary>Sent as <c>max_completion_tokens</c>, the 2026 name. Use one of the two.</summary>
    public int? MaxCompletionTokens { get; set; }
    /// <summary>Number of choices, 1 to 5; more than 1 needs temperature of at least 0.3.</summary>
    public int? N { get; set; }
    public double? PresencePenalty { get; set; }
    public double? FrequencyPenalty { get; set; }
    /// <summary>Up to 5 stop strings of at most 32 bytes each.</summary>
    public IList<string>? Stop { get; set; }

    /// <summary>Text (default), JSON mode or a JSON schema.</summary>
    public ChatResponseFormat? ResponseFormat { get; set; }

    public IList<ChatTool>? Tools { get; set; }
    /// <summary><c>auto</c>, <c>none</c>, <c>required</c>, or a function name. Kimi accepts only auto/none:
    /// the client emulates the others (DESIGN.md §3.3).</summary>
    public string? ToolChoice { get; set; }

    /// <summary>Legacy OpenAI functions; converted to <see cref="Tools"/> before sending.</summary>
    public IList<ChatTool>? Functions { get; set; }
    /// <summary>Legacy OpenAI function_call (auto, none or a name); converted to <see cref="ToolChoice"/>.</summary>
    public string? FunctionCall { get; set; }

    /// <summary>Thinking switch for kimi-k2.5/k2.6/k2.7-code, sent as <c>{"type":"enabled"|"disabled"}</c>. Null: the model's default.</summary>
    public bool? Thinking { get; set; }
    /// <summary>Preserved Thinking: sends <c>thinking.keep = "all"</c> so past reasoning is fed back (k2.6).</summary>
    public bool KeepThinking { get; set; }
    /// <summary>K3 only: low, high or max. Never sent together with <see cref="Thinking"/>.</summary>
    public string? ReasoningEffort { get; set; }

    public string? PromptCacheKey { get; set; }
    public string? SafetyIdentifier { get; set; }

    /// <summary>Streams: ask for the final whole-request usage chunk (<c>stream_options.include_usage</c>).</summary>
    public bool IncludeUsage { get; set; } = true;

    /// <summary>When the answer stops with <c>finish_reason: length</c>, continue it with Partial Mode at most this many times.</summary>
    public int AutoContinue { get; set; }

    /// <summary>
    /// Fields merged into the request's JSON after the model policy (values: strings, numbers, booleans, null,
    /// dictionaries, lists); a field given here is sent as given. model, messages and stream are refused.
    /// </summary>
    public IDictionary<string, object?>? AdditionalBody { get; set; }

    /// <summary>Headers sent with this request (after the connection's). Never Authorization.</summary>
    public IDictionary<string, string>? AdditionalHeaders { get; set; }

    /// <summary>A copy whose lists can be changed without touching this request.</summary>
    public ChatRequest Clone()
    {
        var copy = (ChatRequest)MemberwiseClone();
        copy.Messages = new List<ChatMessage>(Messages);
        if (Stop != null) copy.Stop = new List<string>(Stop);
        if (Tools != null) copy.Tools = new List<ChatTool>(Tools);
        if (Functions != null) copy.Functions = new List<ChatTool>(Functions);
        return copy;
    }
}
