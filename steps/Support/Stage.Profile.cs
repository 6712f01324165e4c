using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// How a scenario's authorizers meet the profile of the authorizer under test. An authorizer starts with API Gateway's
/// own defaults (TOKEN on a REST API, REQUEST elsewhere, reading the Authorization header). One the scenario left to
/// those defaults and whose function is the authorizer under test reads the profile's identity sources, and on a REST
/// API is REQUEST when the profile serves REQUEST and not TOKEN: the scenario judges the function as it is deployed,
/// with the token sent where the profile says. With a scripted function, or in a set-up check, the scenario judges API
/// Gateway's own rules whatever the profile.
/// </summary>
public sealed partial class Stage
{
    // Authorizers whose identity source (any API) and type (REST) the scenario left to the defaults.
    private readonly HashSet<string> _sourceByDefault = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeByDefault = new(StringComparer.Ordinal);

    /// <summary>Gives every authorizer left to the defaults that calls the authorizer under test the profile's identity
    /// sources and type. A TOKEN-only setting on a REQUEST function's authorizer (a validation expression, TOK-7, which a
    /// REQUEST authorizer ignores, REQ-4) makes the scenario inapplicable: skipped, never run as something else.</summary>
    private void ServeTheProfile()
    {
        var asRequest = !Profile.Types.Contains(AuthorizerProfileType.Token) && Profile.Types.Contains(AuthorizerProfileType.Request);
        foreach (var (name, node) in Session.Authorizers)
        {
            if (node is not JsonObject authorizer || !CallsTheTarget(authorizer))
                continue;
            if (asRequest && _typeByDefault.Contains(name))
            {
                Require(authorizer["identityValidationExpression"] is null,
                    "the scenario gives its TOKEN authorizer a validation expression (TOK-7), which a REQUEST authorizer ignores (REQ-4), and its function serves REQUEST, not TOKEN.");
                authorizer["type"] = "REQUEST";
            }
            if (!_sourceByDefault.Contains(name))
                continue;
            var sources = ProfileSources();
            authorizer["identitySource"] = ApiType != "REST" ? new JsonArray([.. sources.Select(s => JsonValue.Create(s))])
                : (string?)authorizer["type"] == "REQUEST" ? string.Join(", ", sources)
                : sources[0];
        }
    }

    /// <summary>The default authorizer's first identity source: the profile's when the authorizer under test reads it
    /// (also before the default authorizer exists). An imported API names its own authorizers: the token goes where the
    /// first of them reads it.</summary>
    private string DefaultTokenSource()
    {
        UseApiUnderTestUnlessDescribed();
        var name = Session.Authorizers[DefaultAuthorizer] is null ? Session.Authorizers.FirstOrDefault().Key : DefaultAuthorizer;
        if (name is null || Session.Authorizers[name] is not JsonObject authorizer)
            return ProfileSources()[0];
        if (_sourceByDefault.Contains(name) && CallsTheTarget(authorizer))
            return ProfileSources()[0];
        return authorizer["identitySource"] switch
        {
            JsonArray array => array.FirstOrDefault()?.GetValue<string>(),
            JsonValue value => value.GetValue<string>().Split(',')[0].Trim(),
            _ => null,
        } ?? "method.request.header.Authorization";
    }

    private static bool CallsTheTarget(JsonObject authorizer) => (string?)authorizer["function"]?["kind"] == StageSession.TargetKind;

    /// <summary>The profile's identity sources as this API type writes them: a plain name is a header; a header or
    /// query-string expression is written with this API type's prefix (<c>method.request.querystring.token</c> on REST is
    /// <c>$request.querystring.token</c> on an HTTP API); any other expression is kept.</summary>
    private List<string> ProfileSources()
    {
        var (header, query) = ApiType switch
        {
            "HTTP" => ("$request.header.", "$request.querystring."),
            "WEBSOCKET" => ("route.request.header.", "route.request.querystring."),
            _ => ("method.request.header.", "method.request.querystring."),
        };
        return [.. Profile.IdentitySource.Select(source =>
        {
            if (!source.Contains('.', StringComparison.Ordinal) && !source.StartsWith('$'))
                return header + source;
            var at = source.LastIndexOf(".header.", StringComparison.Ordinal);
            if (at >= 0)
                return header + source[(at + ".header.".Length)..];
            at = source.LastIndexOf(".querystring.", StringComparison.Ordinal);
            return at >= 0 ? query + source[(at + ".querystring.".Length)..] : source;
        })];
    }
}
