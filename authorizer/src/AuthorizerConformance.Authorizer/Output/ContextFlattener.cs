using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Turns claims into an API Gateway-safe <c>context</c> (OUT-5: REST refuses object and array values with a 500).
/// The rule, applied to the claims in token order (only those in <c>AUTH_CONTEXT_CLAIMS</c> when it is set):
/// <list type="number">
/// <item>strings, numbers and booleans are kept as they are;</item>
/// <item>null values and empty names are left out (OUT-6 is undocumented, so it is avoided);</item>
/// <item><c>principalId</c> and <c>integrationLatency</c> are left out: REST puts its own values under those names
/// next to the context (CTX-2);</item>
/// <item>arrays and objects become their compact JSON text (<c>AUTH_CONTEXT_NESTED=json</c>, the default) or are left
/// out (<c>drop</c>);</item>
/// <item>an entry that would make the serialized context larger than <c>AUTH_CONTEXT_MAX_BYTES</c> (default 4096)
/// is left out; later, smaller entries may still fit.</item>
/// </list>
/// The same rule serves every variant, so an integration sees the same context behind REST, HTTP and WebSocket APIs.
/// </summary>
public static class ContextFlattener
{
    private static readonly string[] Reserved = ["principalId", "integrationLatency"];

    public static JsonObject Flatten(JsonElement payload, AuthorizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var context = new JsonObject();
        var size = 2; // "{}"
        foreach (var claim in payload.EnumerateObject())
        {
            if (claim.Name.Length == 0 || Reserved.Contains(claim.Name, StringComparer.Ordinal)
                || (settings.ContextClaims is { } allowed && !allowed.Contains(claim.Name, StringComparer.Ordinal)))
                continue;
            var (node, bytes) = Value(claim.Value, settings.ContextNesting);
            if (node is null)
                continue;
            var entry = Quoted(claim.Name) + 1 + bytes + (context.Count > 0 ? 1 : 0);
            if (size + entry > settings.ContextMaxBytes)
                continue;
            context[claim.Name] = node;
            size += entry;
        }
        return context;
    }

    private static (JsonNode? Node, int Bytes) Value(JsonElement value, ContextNesting nesting) => value.ValueKind switch
    {
        JsonValueKind.String => (JsonValue.Create(value.GetString()!), Quoted(value.GetString()!)),
        JsonValueKind.Number => (JsonNode.Parse(value.GetRawText()), Encoding.UTF8.GetByteCount(value.GetRawText())),
        JsonValueKind.True => (JsonValue.Create(true), 4),
        JsonValueKind.False => (JsonValue.Create(false), 5),
        JsonValueKind.Array or JsonValueKind.Object => nesting switch
        {
            ContextNesting.Json => Encoded(value.GetRawText()),
            ContextNesting.Drop => (null, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(nesting), nesting, null),
        },
        _ => (null, 0),
    };

    private static (JsonNode Node, int Bytes) Encoded(string raw)
    {
        // Re-serialize compactly so the text does not depend on the token's whitespace.
        var compact = JsonNode.Parse(raw)!.ToJsonString();
        return (JsonValue.Create(compact), Quoted(compact));
    }

    private static int Quoted(string text) => JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length + 2;
}
