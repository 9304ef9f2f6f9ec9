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
        throw Errors.InvalidParameter(parameterName, $"names '{Path.GetFileName(path)}', which is not a png, jpg, jpeg, webp or gif image",
            "Convert the image to one of those formats, or upload a video with Send-KimiFile -Purpose video.");
    }

    /// <summary>Reads the file (a resolved file-system path) into an image part.</summary>
    public static ChatContentPart Load(string path, string parameterName = "Image")
    {
        var type = MediaTypeOf(path, parameterName);
        if (!File.Exists(path))
            throw Errors.InvalidParameter(parameterName, $"names '{path}', which does not exist or is a directory", "Check the path of the image.");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
            throw Errors.InvalidParameter(parameterName, $"names '{path}', which is empty", "Pass an image file that has content.");
        return ChatContentPart.Image(bytes, type);
    }
}
