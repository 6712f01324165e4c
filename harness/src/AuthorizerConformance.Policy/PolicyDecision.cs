namespace AuthorizerConformance.Policy;

/// <summary>
/// Outcome of evaluating an authorizer policy for one request (spec iam-policy-evaluation §1.7, POL-1).
/// Both denials map to 403 ACCESS_DENIED; <see cref="Invalid"/> maps to 500 AuthorizerConfigurationException.
/// </summary>
public enum PolicyDecision
{
    /// <summary>At least one Allow statement matched and no Deny statement matched.</summary>
    Allow,

    /// <summary>At least one Deny statement matched (a matching Deny always wins).</summary>
    ExplicitDeny,

    /// <summary>No statement matched: nothing is allowed by default.</summary>
    ImplicitDeny,

    /// <summary>The policy document is malformed and cannot be used; never an Allow.</summary>
    Invalid,
}
