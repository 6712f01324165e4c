using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// The behaviour profile: one named option per behaviour the spec marks low-confidence or disputed (section I
/// and the L rules), each with the documented default. Check your own stage and switch an option when it differs.
/// In a scenario file, <c>api.behavior</c> sets these by their camelCase names.
/// </summary>
public sealed record GatewayBehavior
{
    /// <summary>The documented defaults.</summary>
    public static GatewayBehavior Default { get; } = new();

    /// <summary>TOK-8 (L, section I.3): whole-string (default, Java <c>matches()</c>) or find-anywhere regex semantics.</summary>
    public ValidationExpressionMatch ValidationExpressionMatch { get; init; } = ValidationExpressionMatch.WholeString;

    /// <summary>OUT-3 (L, section I.1): output without <c>principalId</c> is a 500. Default false (lenient, section N).</summary>
    public bool PrincipalIdRequired { get; init; }

    /// <summary>CAC-7 (L, section I.9): cache an <c>Unauthorized</c> (401) function error like an output. Default false. 500s are never cached.</summary>
    public bool CacheUnauthorized { get; init; }

    /// <summary>REQ-3 (M, section I.4): a REST REQUEST authorizer with TTL 0 still requires its identity sources. Default true.</summary>
    public bool ValidateRequestIdentityWhenTtlZero { get; init; } = true;

    /// <summary>HTTP-7 (L, section I.8): the HTTP API 403 body. Default <c>{"message":"Forbidden"}</c>.</summary>
    public string HttpForbiddenBody { get; init; } = """{"message":"Forbidden"}""";

    /// <summary>HTTP-7 (L/M, section I.8): the HTTP API 500 body. Default <c>{"message":"Internal Server Error"}</c>.</summary>
    public string HttpInternalServerErrorBody { get; init; } = """{"message":"Internal Server Error"}""";

    /// <summary>HTTP-7 (L, section I.8): an HTTP API function error <c>Unauthorized</c> gives 401 (default true) rather than 500.</summary>
    public bool HttpUnauthorizedErrorGives401 { get; init; } = true;

    /// <summary>TOK-12 (L): the REST and WebSocket authorizer timeout when the authorizer sets none. Default 29 s, the REST integration ceiling.</summary>
    public int RestAuthorizerTimeoutSeconds { get; init; } = 29;

    /// <summary>OUT-8 (M, section N): apply the 8 KB output limit to REST too. Default false; WebSocket always has it (WS-6).</summary>
    public bool RestOutputSizeLimit { get; init; }

    /// <summary>POL-9 (L, section I.7): accept a single <c>Statement</c> object as IAM does. Default true.</summary>
    public bool AcceptSingleStatementObject { get; init; } = true;

    /// <summary>POL-8 (L, section I.7): <c>Effect</c> must be exactly <c>Allow</c>/<c>Deny</c>. Default true; false accepts any casing.</summary>
    public bool EffectCaseSensitive { get; init; } = true;

    /// <summary>POL-7 (L, section I.7): accept <c>NotAction</c> statements (IAM grammar). Default true; false makes them malformed output.</summary>
    public bool AcceptNotAction { get; init; } = true;

    /// <summary>POL-10 (L, section I.7): require <c>Version</c> to be <c>2012-10-17</c> or <c>2008-10-17</c>. Default false.</summary>
    public bool RequirePolicyVersion { get; init; }

    /// <summary>POL-6 (M; keys L): how <c>Condition</c> blocks are handled, passed to the policy engine. Default evaluate.</summary>
    public ConditionHandling Conditions { get; init; } = ConditionHandling.Evaluate;

    /// <summary>POL-6 (L/M, section N): a statement with <c>"Condition": null</c> makes the output malformed. Default true.</summary>
    public bool NullConditionIsInvalid { get; init; } = true;

    /// <summary>UNA-3 (L): match the <c>Unauthorized</c> error message ignoring case. Default false (exact).</summary>
    public bool UnauthorizedMatchIgnoresCase { get; init; }

    /// <summary>TOK-10 (L): which value of a repeated header a REST identity source uses. Default last.</summary>
    public RepeatedHeaderValue RepeatedHeaderValue { get; init; } = RepeatedHeaderValue.Last;

    /// <summary>CAC-9 (L): a cache hit restarts the TTL. Default false (the TTL counts from the store).</summary>
    public bool CacheExpirySlidesOnHit { get; init; }

    /// <summary>ARN-5 (L): a policy <c>Resource</c> over 512 characters makes the output malformed. Default true.</summary>
    public bool EnforceResourceArnLength { get; init; } = true;

    /// <summary>Section I.10 (L): the gateway response for function errors, timeouts and malformed output. Default AUTHORIZER_CONFIGURATION_ERROR.</summary>
    public bool FunctionErrorsUseAuthorizerFailure { get; init; }

    /// <summary>OUT-6 (L): a <c>context</c> that is not an object (a string, say) makes the output malformed. Default true.</summary>
    public bool NonObjectContextIsInvalid { get; init; } = true;

    /// <summary>
    /// Issue 16 (unknown on AWS): an output naming a member twice in one object is malformed (default), or the last value
    /// wins. Either way the result's explanation names the duplicate.
    /// </summary>
    public DuplicateKeyHandling DuplicateOutputKeys { get; init; } = DuplicateKeyHandling.Invalid;

    /// <summary>
    /// POL-12 (L): how an empty <c>NotAction</c>/<c>NotResource</c> list is read, passed to the policy engine. Default
    /// narrowest (never widens access: an Allow with one applies nowhere, a Deny everywhere).
    /// </summary>
    public EmptyElementReading EmptyNotList { get; init; } = EmptyElementReading.Narrowest;

    /// <summary>
    /// POL-12 (L): how an empty string entry (<c>"Resource": [""]</c>) is read, passed to the policy engine. Default
    /// narrowest (it never makes an Allow apply and never keeps a Deny from applying).
    /// </summary>
    public EmptyElementReading EmptyStringEntry { get; init; } = EmptyElementReading.Narrowest;

    /// <summary>
    /// POL-11 (message, M): the ARN in a resource-policy denial shows the account as eight <c>*</c> and its last four
    /// digits, as the 2024 capture does. Default true; false shows the whole account id.
    /// </summary>
    public bool MaskAccountInResourcePolicyDenial { get; init; } = true;

    /// <summary>POL-11 (message, L): the text of a Table A "Neither + Neither" denial on a route with an authorizer. Default the authorizer's.</summary>
    public NeitherDenialMessage NeitherDenialMessage { get; init; } = NeitherDenialMessage.Authorizer;
}
