using System.Text.Json;

namespace AuthorizerConformance.Harness.Lint;

public static partial class OutputLinter
{
    private static readonly string[] PolicyNames = ["Version", "Statement", "Id"];
    private static readonly string[] StatementNames = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition", "Principal", "NotPrincipal"];

    private static void CheckPolicy(JsonElement policy, string path, LintSubject subject, List<LintFinding> findings)
    {
        CheckNames(policy, path, PolicyNames, findings);
        var statementsName = NameOf(policy, "Statement");
        if (statementsName is null)
            return;
        var statements = policy.GetProperty(statementsName);
        var statementsPath = PathOf(path, statementsName);
        var list = statements.ValueKind switch
        {
            JsonValueKind.Array => statements.EnumerateArray().Select((s, i) => (Statement: s, Path: $"{statementsPath}[{i}]")).ToList(),
            JsonValueKind.Object => [(statements, statementsPath)],
            _ => [],
        };
        var allowed = new List<(string Resource, string Path)>();
        foreach (var (statement, statementPath) in list.Where(s => s.Statement.ValueKind == JsonValueKind.Object))
            CheckStatement(statement, statementPath, findings, allowed);
        CheckScope(allowed, subject, findings);
    }

    private static void CheckStatement(JsonElement statement, string path, List<LintFinding> findings, List<(string Resource, string Path)> allowed)
    {
        CheckNames(statement, path, StatementNames, findings);
        var effectName = NameOf(statement, "Effect");
        var effect = effectName is not null && statement.GetProperty(effectName).ValueKind == JsonValueKind.String ? statement.GetProperty(effectName).GetString()! : null;
        if (effect is not null && effect is not ("Allow" or "Deny") && (effect.Equals("Allow", StringComparison.OrdinalIgnoreCase) || effect.Equals("Deny", StringComparison.OrdinalIgnoreCase)))
            findings.Add(new(LintRules.Casing, PathOf(path, effectName!), $"Effect \"{effect}\" should be \"{char.ToUpperInvariant(effect[0])}{effect[1..].ToLowerInvariant()}\""));
        foreach (var listName in new[] { "Resource", "Action" })
        {
            if (NameOf(statement, listName) is { } actual && statement.GetProperty(actual) is { ValueKind: JsonValueKind.Array } value && value.GetArrayLength() == 0)
                findings.Add(new(LintRules.EmptyResourceList, PathOf(path, actual), $"an empty {listName} list matches nothing (POL-12): this {effect ?? "statement"} does nothing"));
        }
        if (!string.Equals(effect, "Allow", StringComparison.OrdinalIgnoreCase) || NameOf(statement, "Resource") is not { } resourceName)
            return;
        var resourcePath = PathOf(path, resourceName);
        var resources = statement.GetProperty(resourceName);
        var items = resources.ValueKind switch
        {
            JsonValueKind.String => [(resources.GetString()!, resourcePath)],
            JsonValueKind.Array => resources.EnumerateArray().Select((r, i) => (r, $"{resourcePath}[{i}]"))
                .Where(r => r.r.ValueKind == JsonValueKind.String).Select(r => (r.r.GetString()!, r.Item2)).ToList(),
            _ => new List<(string, string)>(),
        };
        foreach (var (resource, itemPath) in items)
        {
            CheckResource(resource, itemPath, findings);
            allowed.Add((resource, itemPath));
        }
    }

    /// <summary>AZL002, AZL003 from the ARN-1 segments: <c>arn:partition:execute-api:region:account:apiId/stage/verb/path</c>.</summary>
    private static void CheckResource(string resource, string path, List<LintFinding> findings)
    {
        var parts = resource.Split(':', 6);
        var rest = parts.Length == 6 ? parts[5] : null;
        if (resource == "*" || parts.Length < 6 && resource.EndsWith('*') || rest is "*" || (rest is not null && rest.StartsWith("*/", StringComparison.Ordinal) && rest.TrimEnd('*', '/').Length == 0))
        {
            findings.Add(new(LintRules.AllowsEverything, path, $"\"{resource}\" allows every API{(parts.Length == 6 ? " in the account" : " and every resource")}"));
            return;
        }
        if (rest is null)
            return;
        var segments = rest.Split('/');
        if (HasWildcard(segments[0]))
            findings.Add(new(LintRules.WildcardSpansApisOrStages, path, $"the API id \"{segments[0]}\" is a wildcard"));
        else if (segments.Length > 1 && HasWildcard(segments[1]))
            findings.Add(new(LintRules.WildcardSpansApisOrStages, path, $"the stage \"{segments[1]}\" is a wildcard"));
    }

    /// <summary>AZL001 (CAC-4): with caching on, the allowed resources are exactly the incoming method (or one literal method when it is unknown).</summary>
    private static void CheckScope(List<(string Resource, string Path)> allowed, LintSubject subject, List<LintFinding> findings)
    {
        if (subject.CacheTtlSeconds <= 0 || allowed.Count == 0)
            return;
        if (subject.MethodArn is { } methodArn)
        {
            if (allowed.All(a => a.Resource == methodArn))
                findings.Add(new(LintRules.ScopedToMethodArn, allowed[0].Path, $"every allowed Resource is the incoming methodArn, and results are cached for {subject.CacheTtlSeconds} s"));
        }
        else if (allowed.Select(a => a.Resource).Distinct(StringComparer.Ordinal).Count() == 1 && !HasWildcard(allowed[0].Resource) && allowed[0].Resource.Split('/').Length >= 4)
        {
            findings.Add(new(LintRules.ScopedToMethodArn, allowed[0].Path,
                $"the only allowed Resource is one literal method, and results are cached for {subject.CacheTtlSeconds} s (default TTL unless told otherwise)"));
        }
    }

    private static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;
}
