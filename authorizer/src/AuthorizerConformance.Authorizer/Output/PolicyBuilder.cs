using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Builds a cache-safe policy (CAC-3, CAC-4: the cached policy is evaluated again for every method the same token
/// calls, so it must not be scoped to the one incoming ARN).
/// <list type="bullet">
/// <item>No <c>AUTH_SCOPE_ROUTES</c>: Allow <c>execute-api:Invoke</c> on the stage wildcard
/// <c>arn:…:{apiId}/{stage}/*/*</c> (WebSocket: <c>…/{stage}/*</c>, since <c>$connect</c> has no verb).</item>
/// <item>With <c>AUTH_SCOPE_ROUTES</c>: Allow on the routes of every scope the token holds; when it holds none of
/// them, an explicit Deny on the whole stage.</item>
/// <item><c>AUTH_DENY_ROUTES</c>: one explicit Deny statement on those routes, which beats any Allow (POL-1).</item>
/// </list>
/// </summary>
public static class PolicyBuilder
{
    public const string InvokeAction = "execute-api:Invoke";

    public static APIGatewayCustomAuthorizerPolicy Build(ExecuteApiArn arn, IReadOnlySet<string> scopes, AuthorizerSettings settings, bool webSocket)
    {
        ArgumentNullException.ThrowIfNull(arn);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(settings);
        var stageAll = webSocket ? arn.StagePrefix + "*" : arn.StageWildcard;
        var statements = new List<IAMPolicyStatement>();
        if (settings.ScopeRoutes.Count == 0)
        {
            statements.Add(Statement("AllowStage", "Allow", [stageAll]));
        }
        else
        {
            var allowed = settings.ScopeRoutes.Where(sr => scopes.Contains(sr.Scope))
                .SelectMany(sr => sr.Routes).Select(arn.Resource).Distinct(StringComparer.Ordinal).ToList();
            statements.Add(allowed.Count > 0
                ? Statement("AllowScopedRoutes", "Allow", allowed)
                : Statement("NoScopeAllowsAnyRoute", "Deny", [stageAll]));
        }
        if (settings.DenyRoutes.Count > 0)
            statements.Add(Statement("DenyRoutes", "Deny", settings.DenyRoutes.Select(arn.Resource).Distinct(StringComparer.Ordinal).ToList()));
        return new APIGatewayCustomAuthorizerPolicy { Statement = statements };
    }

    /// <summary>IAM evaluation of our own statements (POL-1): an explicit Deny wins, then an Allow, else implicit deny.</summary>
    public static bool Allows(APIGatewayCustomAuthorizerPolicy policy, string resourceArn)
    {
        ArgumentNullException.ThrowIfNull(policy);
        bool Matches(IAMPolicyStatement s) => s.Resource.Any(r => ArnPattern.Matches(r, resourceArn));
        if (policy.Statement.Any(s => s.Effect == "Deny" && Matches(s)))
            return false;
        return policy.Statement.Any(s => s.Effect == "Allow" && Matches(s));
    }

    private static IAMPolicyStatement Statement(string sid, string effect, IReadOnlyList<string> resources) =>
        new() { Sid = sid, Effect = effect, Action = [InvokeAction], Resource = resources };
}
