namespace AuthorizerConformance.Harness.Scaffold;

public static partial class FeatureScaffolder
{
    /// <summary>
    /// A route the profile's <c>scopeRoutes</c> grants only with a scope: a valid token with the first such scope is
    /// allowed, and a valid token with none of them is denied with 403 (UNA-1: a valid token without access is denied,
    /// never refused as a bad token). Each scenario first states the promise, so a run against a profile that does not
    /// make it skips with the reason instead of failing.
    /// </summary>
    private static string ScopeScenarios(string name, string method, string path, IReadOnlyList<string> scopes, string plan, string call)
    {
        var promise = $"the authorizer under test grants {method} {path} only with the scope \"{scopes[0]}\"";
        var others = string.Concat(scopes.Skip(1).Select(s => $"\n    And the token does not have the scope \"{s}\""));
        return CultureInvariant($"""

              @source:local-decision @rule:POL-1
              Scenario: {name} allows a valid token with the scope "{scopes[0]}"
                Given {promise}
                {plan.Replace("Given ", "And ", StringComparison.Ordinal)}a valid token with the scope "{scopes[0]}"
            {call}
                Then access is allowed

              @source:aws-docs @rule:UNA-1 @rule:POL-1
              Scenario: {name} denies a valid token without the scope "{scopes[0]}"
                Given {promise}
                {plan.Replace("Given ", "And ", StringComparison.Ordinal)}a valid token without the scope "{scopes[0]}"{others}
            {call}
                Then the client gets 403
                And the backend is not reached

            """);
    }
}
