namespace KimiPS.Core;

/// <summary>The answer to one request of a batch, joined to the input the request came from.</summary>
public sealed class KimiBatchResult
{
    public KimiBatchResult(string customId, ChatCompletion completion, object? inputObject)
    {
        CustomId = customId;
        Completion = completion;
        InputObject = inputObject;
    }

    public string CustomId { get; }

    /// <summary>The input of the request (from the KimiBatch or its manifest); null when the batch's requests are not known.</summary>
    public object? InputObject { get; }

    /// <summary>The answer, as Invoke-KimiChat returns it (usage included).</summary>
    public ChatCompletion Completion { get; }

    /// <summary>The text of the answer (choice 0).</summary>
    public string? Content => Completion.Content;

    /// <inheritdoc />
    public override string ToString() => Completion.Content ?? "";
}
