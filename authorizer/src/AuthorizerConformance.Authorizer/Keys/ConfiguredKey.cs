using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Authorizer;

/// <summary>A verification key and the algorithms its type allows (never more than the key type fixes).</summary>
public sealed record ConfiguredKey(SecurityKey Key, string? Kid, IReadOnlySet<string> Algorithms);
