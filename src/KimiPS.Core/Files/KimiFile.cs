namespace KimiPS.Core;

/// <summary>An uploaded file. Ids may have any shape (<c>file_…</c> since 2026).</summary>
public sealed class KimiFile
{
    public string Id { get; internal set; } = "";
    public string FileName { get; internal set; } = "";
    public long Bytes { get; internal set; }
    /// <summary>file-extract, image, video or batch.</summary>
    public string Purpose { get; internal set; } = "";
    /// <summary>ok / ready, or error when extraction failed (see <see cref="StatusDetails"/>).</summary>
    public string? Status { get; internal set; }
    public string? StatusDetails { get; internal set; }
    public DateTimeOffset CreatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
