using System.Text;
using System.Text.RegularExpressions;
using AuthorizerConformance.ApiImport;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Harness.Scaffold;

/// <summary>
/// <c>authz scaffold</c>: from an imported API, a starting feature per authorizer with, for every route it protects, a
/// valid token allowed, no token → 401 and a token signed with another key → 401; where the profile maps scopes to the
/// route (<c>scopeRoutes</c>), the valid token carries the route's scope and a valid token without it is denied (403);
/// and the routes without an authorizer, each reachable without a token. Only steps of docs/steps.md; tags as the lint
/// wants them (one source, a rule).
/// </summary>
public static partial class FeatureScaffolder
{
    /// <summary>The features for <paramref name="api"/>; <paramref name="apiPath"/> is the definition's path as the features
    /// write it (relative to them); <paramref name="profile"/> (optional) gives the scopes routes need.</summary>
    public static IReadOnlyList<ScaffoldedFeature> Scaffold(ImportedApi api, string apiPath, AuthorizerProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(apiPath);
        var definition = api.Parsed.Api;
        var features = new List<ScaffoldedFeature>();
        var title = Path.GetFileName(api.SourceFile);
        foreach (var authorizer in api.Parsed.Authorizers)
        {
            var routes = definition.Routes.Where(r => r.Authorizer == authorizer.Name).ToList();
            if (routes.Count == 0)
                continue;
            var text = Header($"The authorizer {authorizer.Name} of {title}",
                $"Scaffolded by authz scaffold from {title}: every route the authorizer \"{authorizer.Name}\" protects allows a valid token,\n"
                + "  and refuses a request without a token or with a token signed with a key the authorizer does not know."
                + (profile is { ScopeRoutes.Count: > 0 }
                    ? $"\n  Where the profile \"{profile.Name}\" grants a route only with a scope, the valid token carries it, and a token\n  without it is denied (403)."
                    : ""), apiPath);
            var (header, prefix) = TokenHeader(authorizer);
            var missingRule = definition.Type switch { ApiType.Http => "HTTP-2", _ when authorizer.Type == AuthorizerType.Token => "TOK-6", _ => "REQ-2" };
            foreach (var route in routes)
            {
                var (method, path) = Request(route);
                var name = $"{authorizer.Name}: {route.RouteKey}";
                var call = CallWithToken(method, path, header, prefix, route.ApiKeyRequired);
                var scopes = profile?.ScopesGranting(method, path) ?? [];
                var plan = route.ApiKeyRequired ? "Given the usage plan has the API key \"scaffold-api-key\"\n    And " : "Given ";
                text.Append(scopes.Count == 0
                    ? CultureInvariant($"""

                      @source:local-decision @rule:POL-1
                      Scenario: {name} allows a valid token
                        {plan}a valid token
                    {call}
                        Then access is allowed

                    """)
                    : ScopeScenarios(name, method, path, scopes, plan, call));
                text.Append(CultureInvariant($"""

                      @source:local-decision @rule:{missingRule}
                      Scenario: {name} refuses a request without a token
                        When the client calls {method} {path} without a token
                        Then the client gets 401
                        And the backend is not reached

                      @source:local-decision @rule:UNA-1
                      Scenario: {name} refuses a token signed with another key
                        Given a valid token
                        And the token is signed with a key the authorizer does not know
                    {call}
                        Then the client gets 401
                        And the backend is not reached

                    """));
            }
            features.Add(new ScaffoldedFeature(FileName(authorizer.Name), text.ToString()));
        }
        var open = definition.Routes.Where(r => r.Authorizer is null).ToList();
        if (open.Count > 0)
        {
            var text = Header($"The routes of {title} without an authorizer",
                $"Scaffolded by authz scaffold from {title}: these routes have no authorizer; each is reachable without a token.", apiPath);
            foreach (var route in open)
            {
                var (method, path) = Request(route);
                var key = route.ApiKeyRequired ? $" with the header \"x-api-key\" set to \"scaffold-api-key\"" : " without a token";
                var plan = route.ApiKeyRequired ? "    Given the usage plan has the API key \"scaffold-api-key\"\n" : "";
                text.Append(CultureInvariant($"""

                      @source:local-decision @rule:POL-11
                      Scenario: {route.RouteKey} is reachable without a token
                    {plan}    When the client calls {method} {path}{key}
                        Then access is allowed

                    """));
            }
            features.Add(new ScaffoldedFeature("OpenRoutes.feature", text.ToString()));
        }
        return features;
    }

    private static StringBuilder Header(string feature, string description, string apiPath) => new($"""
        Feature: {feature}
          {description}
          Edit freely: add the claims, scopes and routes your authorizer decides on.

          Background:
            Given the API defined in "{apiPath.Replace('\\', '/')}"

        """);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>The header the authorizer reads the token from, and what goes before the token (<c>Bearer </c> for Authorization).</summary>
    private static (string Header, string Prefix) TokenHeader(AuthorizerDefinition authorizer)
    {
        var source = authorizer.IdentitySources.FirstOrDefault(s => s.Kind == IdentitySourceKind.Header)
            ?? throw new InvalidOperationException($"The authorizer \"{authorizer.Name}\" reads no header; scaffold writes tokens into a header, so write its scenarios by hand.");
        return (source.Name, source.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "Bearer " : "");
    }

    private static string CallWithToken(string method, string path, string header, string prefix, bool apiKey) => apiKey
        ? $"    When the client calls {method} {path} with the headers:\n      | name | value |\n      | {header} | {prefix}{{token}} |\n      | x-api-key | scaffold-api-key |"
        : $"    When the client calls {method} {path} with the header \"{header}\" set to \"{prefix}{{token}}\"";

    /// <summary>A request that matches the route: ANY as GET, <c>{id}</c> as 1, <c>{proxy+}</c> as a/b, <c>$default</c> as /anything.</summary>
    private static (string Method, string Path) Request(RouteDefinition route)
    {
        var method = route.Method is null or "ANY" ? "GET" : route.Method;
        var path = route.Resource is null ? "/anything" : Parameter().Replace(route.Resource, m => m.Value.EndsWith("+}", StringComparison.Ordinal) ? "a/b" : "1");
        return (method, path);
    }

    private static string FileName(string authorizer) => Unsafe().Replace(authorizer, "-") + ".feature";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[^A-Za-z0-9_.-]")]
    private static partial Regex Unsafe();
}
