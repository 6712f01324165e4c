using System.Text.Json.Nodes;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// What a hostile variant is derived from: the claims and key of the token that would be valid, and the clock.
/// Each attack changes exactly one thing, so the authorizer's refusal can only be due to that change.
/// </summary>
public sealed record AttackInput(JsonObject Claims, string Alg, SigningKey Key, DateTimeOffset Now);
