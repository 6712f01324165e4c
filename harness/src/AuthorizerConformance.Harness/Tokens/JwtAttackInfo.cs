namespace AuthorizerConformance.Harness.Tokens;

/// <summary>One entry of the attack registry: the variant, its kebab-case name and a one-line description.</summary>
public sealed record JwtAttackInfo(JwtAttack Attack, string Name, string Description);
