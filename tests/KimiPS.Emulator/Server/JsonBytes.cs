using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KimiPS.Emulator.Server;

/// <summary>Writes JSON to bytes. Non-ASCII text stays unescaped, as Kimi sends Chinese text as UTF-8.</summary>
internal static class JsonBytes
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static ResponsePlan Ok(Action<Utf8JsonWriter> write) => Json(200, write);

    public static ResponsePlan Json(int status, Action<Utf8JsonWriter> write) =>
        ResponsePlan.Single(status, "application/json; charset=utf-8", Write(write));
}
