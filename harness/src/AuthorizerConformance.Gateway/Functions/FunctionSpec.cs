using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// A function description handed to a factory: the JSON object (<c>{"kind": …, …settings}</c>), its JSON path for
/// error messages, the authorizer it belongs to and the clock the function must use.
/// </summary>
public sealed record FunctionSpec(JsonElement Json, string Path, AuthorizerDefinition Authorizer, TimeProvider TimeProvider)
{
    /// <summary>The <c>kind</c> member.</summary>
    public string Kind => Json.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString()! : "";
}
