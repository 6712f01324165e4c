using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>One deployed API stage: its identity (for ARNs), routes, stage variables, resource policy, API keys,
/// gateway-response customisations and behaviour profile.</summary>
public sealed record ApiDefinition
{
    /// <summary>REST, HTTP or WebSocket.</summary>
    public required ApiType Type { get; init; }

    /// <summary>The region, e.g. <c>us-east-1</c>; <c>cn-*</c> regions use the <c>aws-cn</c> partition (ARN-1).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The 12-digit account id.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The API id.</summary>
    public string ApiId { get; init; } = "abc123";

    /// <summary>The stage name (HTTP APIs may use <c>$default</c>).</summary>
    public string Stage { get; init; } = "prod";

    /// <summary>The routes, matched most-specific first.</summary>
    public IReadOnlyList<RouteDefinition> Routes { get; init; } = [];

    /// <summary>The stage variables.</summary>
    public IReadOnlyDictionary<string, string> StageVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>The API's resource policy document (POL-11), or null for none.</summary>
    public JsonElement? ResourcePolicy { get; init; }

    /// <summary>REST: where API keys come from (OUT-7).</summary>
    public ApiKeySource ApiKeySource { get; init; } = ApiKeySource.Header;

    /// <summary>REST: the API keys in the stage's usage plan.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>REST and WebSocket: gateway-response customisations by type (GWR-1).</summary>
    public IReadOnlyDictionary<GatewayResponseType, GatewayResponseCustomization> GatewayResponses { get; init; } =
        new Dictionary<GatewayResponseType, GatewayResponseCustomization>();

    /// <summary>The behaviour profile for rules the spec marks low-confidence or disputed.</summary>
    public GatewayBehavior Behavior { get; init; } = GatewayBehavior.Default;
}
