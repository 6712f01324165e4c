namespace AuthorizerConformance.Gateway;

/// <summary>The stable failure codes of <see cref="GatewayResult.Failure"/>. Messages are for people; codes are for tests.</summary>
public static class FailureCodes
{
    /// <summary>No route or method matches (403 MISSING_AUTHENTICATION_TOKEN; HTTP 404).</summary>
    public const string RouteNotFound = "route-not-found";

    /// <summary>The method ARN is over 1600 bytes (ARN-4).</summary>
    public const string UriTooLong = "uri-too-long";

    /// <summary>An identity source is missing or empty (TOK-6, REQ-2, HTTP-2, WS-4).</summary>
    public const string IdentitySourceMissing = "identity-source-missing";

    /// <summary>The token fails the identity validation expression (TOK-7).</summary>
    public const string ValidationExpressionMismatch = "validation-expression-mismatch";

    /// <summary>
    /// The identity validation expression ran out of time on the token (a local decision, issue 16 defect 6): a timeout
    /// is a failed validation, so 401 and the authorizer is not invoked, as for a mismatch (TOK-7), never an Allow.
    /// </summary>
    public const string ValidationExpressionTimeout = "validation-expression-timeout";

    /// <summary>The API's resource policy denies the call (POL-11).</summary>
    public const string ResourcePolicyDeny = "resource-policy-deny";

    /// <summary>The function failed with <c>Unauthorized</c> (UNA-1).</summary>
    public const string AuthorizerUnauthorized = "authorizer-unauthorized";

    /// <summary>The function failed with any other error (UNA-2).</summary>
    public const string AuthorizerError = "authorizer-error";

    /// <summary>The function did not answer in time (TOK-12, HTTP-7).</summary>
    public const string AuthorizerTimeout = "authorizer-timeout";

    /// <summary>The function's output is malformed (OUT-1..4, OUT-8, HTTP-5).</summary>
    public const string AuthorizerOutputInvalid = "authorizer-output-invalid";

    /// <summary>A context value is an object or array on a REST/WebSocket API (OUT-5).</summary>
    public const string ContextValueInvalid = "context-value-invalid";

    /// <summary>The authorizer's policy (or the combination with the resource policy) explicitly denies (POL-1).</summary>
    public const string PolicyExplicitDeny = "policy-explicit-deny";

    /// <summary>Nothing allows the call (POL-1).</summary>
    public const string PolicyImplicitDeny = "policy-implicit-deny";

    /// <summary>A simple response said <c>isAuthorized: false</c> (HTTP-5).</summary>
    public const string SimpleResponseDenied = "simple-response-denied";

    /// <summary>The API key is missing or not in the usage plan (OUT-7).</summary>
    public const string ApiKeyInvalid = "api-key-invalid";
}
