using System.Text;
using System.Text.Json;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Cli;

/// <summary>
/// The output contract of <c>authz policy evaluate</c>: <c>id</c>, <c>decision</c>, <c>matched</c>
/// (<c>index</c>/<c>sid</c>/<c>effect</c>, 0-based) and <c>errors</c> (<c>path</c>/<c>message</c>); the single-request
/// form adds <c>notMatched</c> with the reason for each other statement.
/// </summary>
internal static class PolicyResultJson
{
    public static string Line(JsonElement? id, PolicyParseResult parsed, PolicyEvaluation evaluation) =>
        Write(w =>
        {
            WriteId(w, id);
            WriteBody(w, parsed, evaluation);
        });

    public static string Single(PolicyParseResult parsed, PolicyEvaluation evaluation) =>
        Write(w =>
        {
            WriteBody(w, parsed, evaluation);
            w.WriteStartArray("notMatched");
            foreach (var m in evaluation.NotMatched)
            {
                w.WriteStartObject();
                w.WriteNumber("index", m.Index);
                w.WriteString("sid", m.Sid);
                w.WriteString("effect", m.Effect.ToString());
                w.WriteString("reason", m.Reason.ToString());
                w.WriteString("detail", m.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    public static string Error(JsonElement? id, IEnumerable<PolicyError> errors) =>
        Write(w =>
        {
            WriteId(w, id);
            w.WriteString("decision", "Error");
            w.WriteStartArray("matched");
            w.WriteEndArray();
            WriteErrors(w, errors);
        });

    private static void WriteBody(Utf8JsonWriter w, PolicyParseResult parsed, PolicyEvaluation evaluation)
    {
        w.WriteString("decision", evaluation.Decision.ToString());
        w.WriteStartArray("matched");
        foreach (var d in evaluation.DecidingStatements)
        {
            w.WriteStartObject();
            w.WriteNumber("index", d.Index);
            w.WriteString("sid", d.Sid);
            w.WriteString("effect", d.Effect.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteErrors(w, parsed.Errors);
    }

    private static void WriteId(Utf8JsonWriter w, JsonElement? id)
    {
        w.WritePropertyName("id");
        if (id is { } value)
            value.WriteTo(w);
        else
            w.WriteNullValue();
    }

    private static void WriteErrors(Utf8JsonWriter w, IEnumerable<PolicyError> errors)
    {
        w.WriteStartArray("errors");
        foreach (var e in errors)
        {
            w.WriteStartObject();
            w.WriteString("path", e.Path);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
