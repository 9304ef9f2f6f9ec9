namespace KimiPS.Core;

/// <summary>Turns an image file into a base64 data-URL part (Kimi does not fetch public URLs).</summary>
internal static class ImageInput
{
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
    };

    /// <summary>The media type for the file's extension; KimiInvalidParameter (naming -Image) for any other.</summary>
    public static string MediaTypeOf(string path, string parameterName = "Image")
    {
        var ext = Path.GetExtension(path);
        if (ext.Length > 0 && MediaTypes.TryGetValue(ext, out var type)) return type;
        throw Errors.InvalidParameter(parameterName, Msg.PImageFormat.Format(Path.GetFileName(path)),
            Msg.ImageFormatFix);
    }

    /// <summary>Reads the file (a resolved file-system path) into an image part.</summary>
    public static ChatContentPart Load(string path, string parameterName = "Image")
    {
        var type = MediaTypeOf(path, parameterName);
        if (!File.Exists(path))
            throw Errors.InvalidParameter(parameterName, Msg.PImageMissing.Format(path), Msg.ImageMissingFix);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
            throw Errors.InvalidParameter(parameterName, Msg.PImageEmpty.Format(path), Msg.ImageEmptyFix);
        return ChatContentPart.Image(bytes, type);
    }
}
