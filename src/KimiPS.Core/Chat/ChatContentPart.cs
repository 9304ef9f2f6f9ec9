namespace KimiPS.Core;

/// <summary>A content part: <c>text</c>, <c>image_url</c> or <c>video_url</c>.</summary>
public sealed class ChatContentPart
{
    public ChatContentPart(string type, string value)
    {
        Type = type;
        if (type == "text") Text = value; else Url = value;
    }

    public string Type { get; }
    public string? Text { get; }
    /// <summary>A base64 data URL (<c>data:image/png;base64,…</c>) or <c>ms://file_id</c>.</summary>
    public string? Url { get; }

    public static ChatContentPart FromText(string text) => new("text", text);
    public static ChatContentPart Image(string url) => new("image_url", url);
    public static ChatContentPart Video(string url) => new("video_url", url);

    /// <summary>
    /// What a view or <c>Format-List *</c> shows: the text, or the kind and address of the media. A data URL
    /// is cut before its payload: megabytes of base64 are not for reading.
    /// </summary>
    public override string ToString()
    {
        if (Type == "text") return Text ?? "";
        var url = Url ?? "";
        var comma = url.StartsWith("data:", StringComparison.Ordinal) ? url.IndexOf(',') : -1;
        return comma < 0 ? $"{Type}: {url}" : $"{Type}: {url.Substring(0, comma)},… ({url.Length - comma - 1} chars)";
    }

    /// <summary>An image part from bytes, as a base64 data URL.</summary>
    public static ChatContentPart Image(byte[] bytes, string mediaType) =>
        Image("data:" + mediaType + ";base64," + Convert.ToBase64String(bytes));
}
