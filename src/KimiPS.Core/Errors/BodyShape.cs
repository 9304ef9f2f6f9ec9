namespace KimiPS.Core;

/// <summary>What kind of body an error response carried.</summary>
internal enum BodyShape
{
    Empty,
    Json,
    Html,
    PlainText,
    /// <summary>Looked like JSON but could not be parsed, or was too large.</summary>
    Unreadable,
}
