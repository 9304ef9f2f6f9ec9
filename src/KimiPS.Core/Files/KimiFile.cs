namespace KimiPS.Core;

/// <summary>An uploaded file. Ids may have any shape (<c>file_…</c> since 2026).</summary>
public sealed class KimiFile
{
    public string Id { get; set; } = "";
    public string FileName { get; set; } = "";
    public long Bytes { get; set; }
    /// <summary>file-extract, image, video or batch.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>ok / ready, or error when extraction failed (see <see cref="StatusDetails"/>).</summary>
    public string? Status { get; set; }
    public string? StatusDetails { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
