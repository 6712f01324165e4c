namespace AuthorizerConformance.Harness.Lint;

/// <summary>Every rule of the authorizer-output linter, in id order. Ids are stable: a rule is never renumbered.</summary>
public static class LintRules
{
    /// <summary>CAC-4: a cached policy that allows only the incoming method denies the caller's next method.</summary>
    public static readonly LintRule ScopedToMethodArn = new("AZL001", "policy-scoped-to-method-arn",
        "The policy allows only the incoming methodArn while results are cached: the cached policy then answers 403 for every other method of the caller within the TTL.",
        "Allow every method the principal may call (e.g. arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/*), or set the authorizer's TTL to 0.",
        "CAC-4");

    /// <summary>An Allow on every resource (<c>*</c>) or on every API of the account.</summary>
    public static readonly LintRule AllowsEverything = new("AZL002", "allow-everything",
        "An Allow statement covers every resource or every API in the account, not the API this authorizer protects.",
        "Name the API id and stage in the Resource: arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{verb}/{path}.",
        "ARN-1");

    /// <summary>A wildcard in the API id or stage segment of an Allow.</summary>
    public static readonly LintRule WildcardSpansApisOrStages = new("AZL003", "wildcard-spans-apis-or-stages",
        "A wildcard in the API-id or stage segment of an allowed Resource lets the token into other APIs or stages (a test token works in prod).",
        "Write the API id and stage literally; keep wildcards to the verb and path segments.",
        "ARN-1");

    /// <summary>A context value that is an object or array (REST and WebSocket refuse it with 500).</summary>
    public static readonly LintRule ContextNotPrimitive = new("AZL004", "context-value-not-primitive",
        "A context value is a JSON object or array: REST and WebSocket APIs answer 500 for it; HTTP APIs pass it on as JSON text.",
        "Flatten it into string, number or boolean values (e.g. join an array of roles with commas).",
        "OUT-5");

    /// <summary>A context value or output near API Gateway's size limits.</summary>
    public static readonly LintRule ContextOversized = new("AZL005", "context-oversized",
        "The output or a context value is large: authorizer results over 8 KB are refused (OUT-8 on WebSocket), and large context values become large headers and log lines.",
        "Pass an identifier in the context and let the backend look the data up.",
        "OUT-8");

    /// <summary>Wrong-case member names or Effect values (case-sensitive in API Gateway).</summary>
    public static readonly LintRule Casing = new("AZL006", "member-name-casing",
        "A member name or Effect value has the wrong case: API Gateway reads policyDocument, principalId, context, Version, Statement, Effect, Action and Resource case-sensitively, and Effect must be exactly Allow or Deny.",
        "Use the exact names: principalId, policyDocument, context, usageIdentifierKey; Version, Statement, Effect (\"Allow\"|\"Deny\"), Action, Resource.",
        "OUT-4");

    /// <summary>The text Unauthorized returned as the result instead of thrown as the function error.</summary>
    public static readonly LintRule UnauthorizedReturned = new("AZL007", "unauthorized-returned",
        "The function returned the text Unauthorized instead of failing with it: API Gateway answers 500, not 401.",
        "Throw it (Node: throw new Error(\"Unauthorized\") or callback(\"Unauthorized\"); Python: raise Exception(\"Unauthorized\"); .NET: throw new Exception(\"Unauthorized\")).",
        "UNA-4");

    /// <summary>A principalId that is the token or holds a credential.</summary>
    public static readonly LintRule PrincipalHoldsCredential = new("AZL008", "principal-holds-credential",
        "The principalId is the token itself or holds a credential: it is written to access logs and handed to the backend, so the credential leaks.",
        "Use the token's subject (or another stable user id) as principalId.",
        null);

    /// <summary>POL-12: an empty Resource list is an implicit deny that a resource policy can turn into an admit.</summary>
    public static readonly LintRule EmptyResourceList = new("AZL009", "empty-resource-list",
        "A statement has an empty Resource (or Action) list meaning \"deny\": it matches nothing, so it is only an implicit deny, and a resource policy that allows the caller admits the request anyway.",
        "Return an explicit Deny statement on the method ARN (or throw Unauthorized for a bad token).",
        "POL-12");

    /// <summary>All rules, in id order.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
    [
        ScopedToMethodArn, AllowsEverything, WildcardSpansApisOrStages, ContextNotPrimitive, ContextOversized, Casing, UnauthorizedReturned,
        PrincipalHoldsCredential, EmptyResourceList,
    ];
}
