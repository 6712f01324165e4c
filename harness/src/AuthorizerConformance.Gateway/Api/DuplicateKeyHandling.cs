namespace AuthorizerConformance.Gateway;

/// <summary>
/// What the emulation does with an authorizer output that names a member twice in one object (two
/// <c>policyDocument</c>s, two <c>isAuthorized</c>s). API Gateway's behaviour is not documented (issue 16 defect 16), so
/// it is a behaviour option, <c>duplicateOutputKeys</c>.
/// </summary>
public enum DuplicateKeyHandling
{
    /// <summary>The output is malformed: 500 <c>authorizer-output-invalid</c>, and the detail says why (default).</summary>
    Invalid,

    /// <summary>The last value of each duplicated member is used, as a lenient JSON reader (Jackson's default) would.</summary>
    LastWins,
}
