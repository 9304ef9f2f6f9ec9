namespace KimiPS.Core;

/// <summary>
/// The extracted text of an uploaded file (Get-KimiFileContent). Piped to Invoke-KimiChat it becomes a
/// system message, which is how Kimi expects documents to be given to the model.
/// </summary>
public sealed class KimiFileContent
{
    public KimiFileContent(string fileId, string? fileName, string content)
    {
        FileId = fileId;
        FileName = fileName;
        Content = content;
    }

    public string FileId { get; }
    /// <summary>The uploaded file's name, when known.</summary>
    public string? FileName { get; }
    /// <summary>The text as the API returns it; send it unchanged in a system message.</summary>
    public string Content { get; }
    /// <summary>Characters of <see cref="Content"/>.</summary>
    public int Length => Content.Length;

    /// <summary>The first 80 characters on one line, for tables.</summary>
    public string Preview
    {
        get
        {
            var flat = Content.Replace("\r", " ").Replace("\n", " ").Replace("\t", " ");
            return flat.Length <= 80 ? flat : flat.Substring(0, 79) + "…";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Content;
}
