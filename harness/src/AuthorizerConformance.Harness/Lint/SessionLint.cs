using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;

namespace AuthorizerConformance.Harness.Lint;

/// <summary>Lints what the authorizer under test returned in one scenario (scripted functions are not linted: they are API Gateway's test data).</summary>
public static class SessionLint
{
    /// <summary>The findings for every output of a <c>target</c> function in <paramref name="session"/>, with the call's 1-based number.</summary>
    public static IReadOnlyList<(int Call, LintFinding Finding)> TargetFindings(StageSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var apiType = (string?)session.Api["type"] ?? "REST";
        var findings = new List<(int, LintFinding)>();
        foreach (var (call, index) in session.Calls.Select((c, i) => (c, i + 1)))
        {
            if (call.Outcome is not AuthorizerInvocation.Returned returned || session.Authorizers[call.Authorizer] is not JsonObject authorizer
                || (string?)authorizer["function"]?["kind"] != StageSession.TargetKind)
                continue;
            var ttl = authorizer["resultTtlInSeconds"] is JsonValue v && v.TryGetValue<int>(out var t) ? t : apiType == "REST" ? 300 : 0;
            var (methodArn, credentials) = FromEvent(call.Event);
            var result = OutputLinter.Lint(new LintSubject(returned.ResponseJson)
            {
                MethodArn = methodArn, CacheTtlSeconds = ttl, Credentials = credentials, ContextMayHoldJson = apiType == "HTTP",
            });
            findings.AddRange(result.Findings.Select(f => (index, f)));
        }
        return findings;
    }

    /// <summary>The event's methodArn (REST, WebSocket) or routeArn (HTTP 2.0), and the values it carried that may be credentials.</summary>
    private static (string? MethodArn, IReadOnlyCollection<string> Credentials) FromEvent(string eventJson)
    {
        try
        {
            var e = JsonNode.Parse(eventJson) as JsonObject;
            var arn = Text(e?["methodArn"]) ?? Text(e?["routeArn"]);
            var credentials = new List<string>();
            if (Text(e?["authorizationToken"]) is { } token)
                credentials.Add(token);
            foreach (var group in new[] { "headers", "queryStringParameters" })
            {
                if (e?[group] is JsonObject values)
                    credentials.AddRange(values.Select(p => Text(p.Value)).OfType<string>().Where(s => s.Length >= 16));
            }
            if (e?["identitySource"] is JsonArray sources)
                credentials.AddRange(sources.Select(Text).OfType<string>());
            // A credential given with its scheme ("Bearer <token>") is also a credential without it.
            credentials.AddRange(credentials.Where(c => c.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)).Select(c => c[7..].Trim()).ToList());
            return (arn, credentials);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A Markdown table of findings for a report: one row per finding.</summary>
    public static string Markdown(IEnumerable<(string Scenario, LintFinding Finding)> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var rows = findings.ToList();
        var text = new StringBuilder("# Lint findings on the authorizer under test").AppendLine().AppendLine();
        if (rows.Count == 0)
            return text.AppendLine("No lint findings: every output of the authorizer under test is clean (rules: docs/lint.md).").ToString();
        text.AppendLine($"{rows.Count} finding(s) in {rows.Select(r => r.Scenario).Distinct().Count()} scenario(s); rules and fixes: docs/lint.md.").AppendLine()
            .AppendLine("| Rule | Path | Finding | Scenario |").AppendLine("|---|---|---|---|");
        foreach (var (scenario, f) in rows.OrderBy(r => r.Finding.Rule.Id, StringComparer.Ordinal).ThenBy(r => r.Scenario, StringComparer.Ordinal))
            text.AppendLine($"| {f.Rule.Id} {f.Rule.Name} | `{f.Path}` | {Cell(f.Message)} | {Cell(scenario)} |");
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
