using System.Buffers;
using System.Runtime.InteropServices;
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
    public static JsonObject Flatten(JsonElement payload, AuthorizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Numbers stay views of the claims (their exact text, no re-parse); the copy outlives the token's document.
        payload = payload.Clone();
        var context = new JsonObject();
        var size = 2; // "{}"
        foreach (var claim in payload.EnumerateObject())
        {
            var name = claim.Name;
            if (name.Length == 0 || name is "principalId" or "integrationLatency" || !Allowed(name, settings.ContextClaims))
                continue;
            var (node, bytes) = Value(claim.Value, settings.ContextNesting);
            if (node is null)
                continue;
            var entry = Quoted(name) + 1 + bytes + (context.Count > 0 ? 1 : 0);
            if (size + entry > settings.ContextMaxBytes)
                continue;
            context[name] = node;
            size += entry;
        }
        return context;
    }

    private static bool Allowed(string name, IReadOnlyList<string>? allowed)
    {
        if (allowed is null)
            return true;
        foreach (var entry in allowed)
        {
            if (string.Equals(entry, name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static (JsonNode? Node, int Bytes) Value(JsonElement value, ContextNesting nesting)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return (JsonValue.Create(text), Quoted(text));
            case JsonValueKind.Number:
                // A number's raw text is ASCII, so its length is its byte count.
                return (JsonValue.Create(value), JsonMarshal.GetRawUtf8Value(value).Length);
            case JsonValueKind.True:
                return (JsonValue.Create(true), 4);
            case JsonValueKind.False:
                return (JsonValue.Create(false), 5);
            case JsonValueKind.Array or JsonValueKind.Object:
                return nesting switch
                {
                    ContextNesting.Json => Encoded(value),
                    ContextNesting.Drop => (null, 0),
                    _ => throw new ArgumentOutOfRangeException(nameof(nesting), nesting, null),
                };
            default:
                return (null, 0);
        }
    }

    private static (JsonNode Node, int Bytes) Encoded(JsonElement value)
    {
        // Re-serialize compactly so the text does not depend on the token's whitespace.
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
            value.WriteTo(writer);
        var compact = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return (JsonValue.Create(compact), Quoted(compact));
    }

    // The serialized length of a JSON string, quotes included. Most claim values are plain ASCII that no encoder
    // escapes; anything else is measured by actually encoding it.
    private static int Quoted(string text) =>
        text.AsSpan().ContainsAnyExcept(Plain) ? JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length + 2 : text.Length + 2;

    private static readonly SearchValues<char> Plain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .-_@:/,=*$#%();?[]{}|~!^");
}
