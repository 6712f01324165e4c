using System.Text;
using System.Text.Json;

namespace AuthorizerConformance.Policy;

public sealed partial class CompiledPolicy
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>
    /// Canonical print: <c>Version</c>, <c>Id</c>, then <c>Statement</c> always as an array; in each statement
    /// <c>Sid</c>, <c>Effect</c>, <c>Action</c>/<c>NotAction</c> and <c>Resource</c>/<c>NotResource</c> always as arrays,
    /// then <c>Condition</c> with every value list as an array of strings. Parsing the output gives the same policy.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (VersionText is not null)
                writer.WriteString("Version", VersionText);
            if (Id is not null)
                writer.WriteString("Id", Id);
            writer.WriteStartArray("Statement");
            foreach (var statement in Statements)
                WriteStatement(writer, statement.Model);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStatement(Utf8JsonWriter writer, StatementModel model)
    {
        writer.WriteStartObject();
        if (model.Sid is not null)
            writer.WriteString("Sid", model.Sid);
        writer.WriteString("Effect", model.Effect switch
        {
            PolicyEffect.Allow => "Allow",
            PolicyEffect.Deny => "Deny",
            _ => throw new InvalidOperationException($"unknown effect {model.Effect}"),
        });
        WriteStrings(writer, model.IsNotAction ? "NotAction" : "Action", model.Actions);
        WriteStrings(writer, model.IsNotResource ? "NotResource" : "Resource", model.Resources);
        if (model.Conditions is { } conditions)
        {
            writer.WriteStartObject("Condition");
            foreach (var group in conditions.GroupBy(c => c.Operator, StringComparer.Ordinal))
            {
                writer.WriteStartObject(group.Key);
                foreach (var entry in group)
                    WriteStrings(writer, entry.Key, entry.Values);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
