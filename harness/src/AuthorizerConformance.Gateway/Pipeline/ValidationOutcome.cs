namespace AuthorizerConformance.Gateway;

/// <summary>What the identity validation expression said about a token (TOK-7; issue 16 defect 6 for the timeout).</summary>
internal enum ValidationOutcome
{
    /// <summary>The token matches (or there is no expression).</summary>
    Passed,

    /// <summary>The token does not match: 401, the authorizer is not invoked.</summary>
    Failed,

    /// <summary>The expression ran out of time on the token: a failed validation, 401 <c>validation-expression-timeout</c>.</summary>
    TimedOut,
}
