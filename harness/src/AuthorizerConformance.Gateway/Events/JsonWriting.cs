using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>Small helpers shared by the event and context writers.</summary>
internal static class JsonWriting
{
    /// <summary>Compact output; only what JSON requires is escaped, as API Gateway and Lambda write it.</summary>
    public static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON string literal for <paramref name="value"/>.</summary>
    public static string Quote(string value) =>
        System.Text.Encoding.UTF8.GetString(Build(w => w.WriteStringValue(value)));

    /// <summary>Writes JSON with <paramref name="write"/> and returns the UTF-8 bytes.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Compact))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteMap(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
            writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    /// <summary>REST collapsing: the last value of each name; <paramref name="join"/> comma-joins instead (HTTP 2.0).</summary>
    public static void WriteSingle(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, List<string>>> groups, bool join)
    {
        writer.WriteStartObject(name);
        foreach (var (key, values) in groups)
            writer.WriteString(key, join ? string.Join(',', values) : values[^1]);
        writer.WriteEndObject();
    }

    public static void WriteMulti(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, List<string>>> groups)
    {
        writer.WriteStartObject(name);
        foreach (var (key, values) in groups)
        {
            writer.WriteStartArray(key);
            foreach (var value in values)
                writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
