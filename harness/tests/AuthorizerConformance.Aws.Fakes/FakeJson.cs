using System.Text;
using System.Text.Json;

namespace AuthorizerConformance.Aws.Fakes;

/// <summary>Writes the fakes' answers with <see cref="Utf8JsonWriter"/> (independently of the client's models).</summary>
internal static class FakeJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return buffer.ToArray();
    }

    public static byte[] Message(string message) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    public static void StringMap(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
            writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
