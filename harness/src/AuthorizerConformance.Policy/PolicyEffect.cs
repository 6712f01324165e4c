namespace AuthorizerConformance.Policy;

/// <summary>The <c>Effect</c> of a statement: exactly <c>Allow</c> or <c>Deny</c> (POL-8).</summary>
public enum PolicyEffect
{
    /// <summary><c>"Effect": "Allow"</c>.</summary>
    Allow,

    /// <summary><c>"Effect": "Deny"</c>.</summary>
    Deny,
}
