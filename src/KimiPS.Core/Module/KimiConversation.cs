namespace KimiPS.Core;

/// <summary>
/// A chat history that Invoke-KimiChat -Conversation extends turn by turn. Assistant turns keep their
/// reasoning and tool calls, because Kimi needs them replayed on later tool-call rounds.
/// </summary>
public sealed class KimiConversation
{
    public KimiConversation() : this(null, null) { }

    public KimiConversation(string? systemPrompt, string? model)
    {
        Model = model;
        Created = DateTimeOffset.Now;
        if (!string.IsNullOrWhiteSpace(systemPrompt)) Messages.Add(ChatMessage.System(systemPrompt!));
    }

    /// <summary>Every message, oldest first, as sent and received.</summary>
    public List<ChatMessage> Messages { get; } = new();

    /// <summary>The model Invoke-KimiChat uses for this conversation when -Model is not given; null: the connection's default.</summary>
    public string? Model { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>How many user turns the conversation holds.</summary>
    public int TurnCount => Messages.Count(m => m.Role == "user");

    /// <summary>The text of the last assistant turn, or null.</summary>
    public string? LastAnswer => Messages.LastOrDefault(m => m.Role == "assistant")?.Content;

    /// <summary>Appends what was sent in one turn (the new messages only) and the model's answer.</summary>
    public void AppendTurn(IEnumerable<ChatMessage> sent, ChatCompletion answer)
    {
        if (sent is null) throw new ArgumentNullException(nameof(sent));
        if (answer is null) throw new ArgumentNullException(nameof(answer));
        Messages.AddRange(sent);
        Messages.Add(answer.ToMessage());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Messages.Count} messages, {TurnCount} turns" + (Model is null ? "" : $", {Model}");
}
