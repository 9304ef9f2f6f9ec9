namespace KimiPS.Emulator;

/// <summary>What a scripted chat completion answers; rendered as JSON or SSE depending on the request.</summary>
public sealed class ChatScript
{
    /// <summary>The answer text; null = no content (e.g. only tool calls).</summary>
    public string? Content { get; set; }

    /// <summary>Thinking text, sent as <c>reasoning_content</c> before the content.</summary>
    public string? Reasoning { get; set; }

    /// <summary>Tool calls, streamed as fragments keyed by index.</summary>
    public IList<ScriptedToolCall> ToolCalls { get; set; } = new List<ScriptedToolCall>();

    /// <summary>The finish reason of every choice.</summary>
    public string FinishReason { get; set; } = "stop";

    /// <summary>Characters per content/reasoning/arguments delta when streaming (a surrogate pair is never split).</summary>
    public int ChunkChars { get; set; } = 4;

    /// <summary>Prompt tokens reported in usage.</summary>
    public int PromptTokens { get; set; } = 9;

    /// <summary>Completion tokens reported per choice.</summary>
    public int CompletionTokens { get; set; } = 12;

    /// <summary>When set, reported as Kimi's top-level <c>usage.cached_tokens</c>.</summary>
    public int? CachedTokens { get; set; }

    /// <summary>Number of choices; each gets the same script with its own index.</summary>
    public int Choices { get; set; } = 1;
}

/// <summary>A tool call the scripted model makes. Ids like <c>functions.add:0</c> are what Kimi sends.</summary>
public sealed record ScriptedToolCall(string Id, string Name, string Arguments, string Type = "function");
