namespace AuthorizerConformance.Policy;

/// <summary>
/// How the parser reads a policy element no evidence covers (POL-12, L): an empty <c>NotAction</c>/<c>NotResource</c>
/// list (<see cref="PolicyOptions.EmptyNotList"/>) or an empty string entry such as <c>"Resource": [""]</c>
/// (<see cref="PolicyOptions.EmptyStringEntry"/>). An empty <c>Action</c>, <c>Resource</c> or <c>Statement</c> list
/// is not one of them: POL-12 (H/M) says it is valid and matches nothing.
/// </summary>
public enum EmptyElementReading
{
    /// <summary>
    /// The reading that never widens access (the default). In an <c>Allow</c> statement the element never makes the
    /// statement apply: an empty NotAction/NotResource list, or an empty string in one, excludes everything, and an
    /// empty string in Action/Resource matches nothing. In a <c>Deny</c> statement it never keeps the statement from
    /// applying: an empty NotAction/NotResource list excludes nothing (as IAM reads it), an empty string in one excludes
    /// nothing, and an empty string in Action/Resource matches everything.
    /// </summary>
    Narrowest,

    /// <summary>
    /// IAM's literal reading: an empty NotAction/NotResource list excludes nothing, so the statement applies to every
    /// action or resource; an empty string entry is a pattern that only the empty string matches, so it matches no
    /// request (and, in a NotAction/NotResource list, excludes none).
    /// </summary>
    Literal,

    /// <summary>The policy is malformed (<see cref="PolicyDecision.Invalid"/>; 500 at the gateway).</summary>
    Invalid,
}
