namespace KimiPS.Core;

/// <summary>A model the account can use, from <c>/v1/models</c>.</summary>
public sealed class KimiModel
{
    public string Id { get; set; } = "";
    public long? ContextLength { get; set; }
    public bool SupportsImageIn { get; set; }
    public bool SupportsVideoIn { get; set; }
    public bool SupportsReasoning { get; set; }
    public string? OwnedBy { get; set; }
    public DateTimeOffset? Created { get; set; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
