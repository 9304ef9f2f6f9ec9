using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace KimiPS.Core;

/// <summary>Writer settings shared by every request body.</summary>
internal static class KimiJson
{
    /// <summary>
    /// Kimi's users write a lot of Chinese. The default encoder escapes every non-ASCII character as \uXXXX:
    /// valid, but three to six times larger and unreadable in a debug dump. Allowing all of the Basic
    /// Multilingual Plane keeps CJK as plain UTF-8, while the encoder still escapes what JSON requires
    /// (quotes as \u0022, backslash, control characters) and the HTML-sensitive characters (&lt; &gt; &amp; ' +),
    /// unlike UnsafeRelaxedJsonEscaping, so a body pasted into a log or a page cannot break out of it.
    /// Characters outside the BMP (emoji) are escaped as surrogate pairs, which is valid JSON.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
        // Raw schemas are checked by the policy; the writer still validates them (the default) so a bad one
        // cannot produce a malformed body.
        SkipValidation = false,
    };

    /// <summary>
    /// A number in its short invariant form on every runtime: 0.3, never 0.29999999999999999. The writer's
    /// double formatting differs between .NET Framework and .NET (and its "R" has known bugs on the
    /// Framework); decimal keeps 15 significant digits and prints the same everywhere. Sampling values are
    /// small, validated numbers, so the conversion cannot overflow.
    /// </summary>
    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 1e15)
        {
            writer.WriteNumberValue(value); // throws for NaN/Infinity: better than a body Kimi rejects
            return;
        }
        writer.WriteNumberValue(Normalize((decimal)value));
    }

    /// <summary>Removes trailing zeros (1.000 → 1) so the printed form is minimal.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
