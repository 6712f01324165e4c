namespace AuthorizerConformance.Gateway;

/// <summary>One configured identity source: its kind, its name, and the expression as the user wrote it.</summary>
public sealed record IdentitySource(IdentitySourceKind Kind, string Name, string Expression);
