namespace KimiPS.Core;

/// <summary>
/// How much of a piped object becomes material. The model reads tokens and every token is paid for, so an
/// object is sent compactly: two levels of objects (as ConvertTo-Json -Depth 1: the object's properties, and
/// the properties of the objects they hold), each object at most <see cref="MaxObjectChars"/>.
/// </summary>
internal static class MaterialLimits
{
    /// <summary>Levels of objects written with their properties; deeper objects are written as their text.</summary>
    public const int MaxDepth = 2;
    /// <summary>Most characters of JSON per piped object (about 8,000 tokens); properties that do not fit are left out.</summary>
    public const int MaxObjectChars = 32 * 1024;
    /// <summary>Most items written of one collection.</summary>
    public const int MaxItems = 100;
    /// <summary>Most characters of an object written as its text (below <see cref="MaxDepth"/>).</summary>
    public const int MaxTextChars = 200;
    /// <summary>
    /// Most characters of collected material kept in memory (16 MB). Beyond it the input is only counted: at
    /// about 4 characters a token this is twice the largest Kimi context, so such a request fails the size guard.
    /// </summary>
    public const long MaxCollectedChars = 8L * 1024 * 1024;
}
