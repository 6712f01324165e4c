using System.Text.Json.Nodes;

namespace AuthorizerConformance.Authorizer;

/// <summary>What a valid token yields, whatever the variant: the principal, the flattened context and the scopes.</summary>
public sealed record Authorization(string PrincipalId, JsonObject Context, IReadOnlySet<string> Scopes);
