namespace KimiPS.Core;

/// <summary>A model the account can use, from <c>/v1/models</c>.</summary>
public sealed class KimiModel
{
    public string Id { get; internal set; } = "";
    public long? ContextLength { get; internal set; }
    public bool SupportsImageIn { get; internal set; }
    public bool SupportsVideoIn { get; internal set; }
    public bool SupportsReasoning { get; internal set; }
    public string? OwnedBy { get; internal set; }
    public DateTimeOffset? Created { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
