namespace AuthorizerConformance.Policy;

/// <summary>The first element of a statement that did not match the request, checked in this order.</summary>
public enum MismatchReason
{
    /// <summary>The request action is not covered by <c>Action</c> (or is excluded by <c>NotAction</c>).</summary>
    Action,

    /// <summary>The request ARN is not covered by <c>Resource</c> (or is excluded by <c>NotResource</c>).</summary>
    Resource,

    /// <summary>A condition in the <c>Condition</c> block did not hold for the request context.</summary>
    Condition,
}
