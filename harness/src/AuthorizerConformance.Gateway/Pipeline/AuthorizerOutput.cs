using System.Text.Json;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// A validated authorizer output: either an IAM-policy response (principalId, compiled policy, context,
/// usageIdentifierKey) or an HTTP API simple response (isAuthorized, context). This is what the cache stores (CAC-3).
/// </summary>
internal sealed record AuthorizerOutput
{
    public string? PrincipalId { get; init; }

    /// <summary>The compiled policy document; null for a simple response.</summary>
    public CompiledPolicy? Policy { get; init; }

    /// <summary>HTTP-5: the simple response verdict; null for an IAM-policy response.</summary>
    public bool? IsAuthorized { get; init; }

    /// <summary>The context entries in order, values as returned (cloned).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> Context { get; init; } = [];

    public string? UsageIdentifierKey { get; init; }

    /// <summary>CTX-1, CTX-2: REST stringifies context values (<c>1</c> → <c>"1"</c>, <c>true</c> → <c>"true"</c>); null stays null (OUT-6, section N).</summary>
    public static string? Stringify(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
