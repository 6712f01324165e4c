namespace AuthorizerConformance.Policy;

/// <summary>
/// How a <c>Condition</c> element in an authorizer policy is treated. API Gateway does not document condition support
/// for authorizer policies (POL-6), so this is an explicit choice; a condition is never ignored silently.
/// </summary>
public enum ConditionHandling
{
    /// <summary>
    /// Default. Conditions are evaluated against <see cref="PolicyRequest.Context"/> with IAM semantics (§1.6).
    /// Chosen because AWS's own authorizer blueprints and the .NET/Go event libraries emit <c>Condition</c> blocks
    /// (POL-6), and because keys absent from the context make positive conditions false, so an unsupported key can
    /// only narrow an Allow, never widen it.
    /// </summary>
    Evaluate,

    /// <summary>Any statement that carries a <c>Condition</c> makes the whole document <see cref="PolicyDecision.Invalid"/>.</summary>
    RejectAsInvalid,
}
