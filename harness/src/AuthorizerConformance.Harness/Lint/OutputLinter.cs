using System.Text;
using System.Text.Json;

namespace AuthorizerConformance.Harness.Lint;

/// <summary>
/// Lints an authorizer's output for the pitfalls real authorizers fall into (<see cref="LintRules"/>). Unlike the
/// gateway's output validation, which decides what API Gateway does with an output, the linter flags outputs that
/// work today but are wrong: a cached policy scoped to one method, an Allow on everything, a leaked credential.
/// It reads any JSON and never throws for its content.
/// </summary>
public static partial class OutputLinter
{
    /// <summary>A context string longer than this is flagged (AZL005): it becomes a header and a log line on every request.</summary>
    public const int MaxContextValueChars = 1024;

    /// <summary>OUT-8: the authorizer result limit.</summary>
    public const int MaxOutputBytes = 8 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Lints one output.</summary>
    public static LintResult Lint(LintSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var findings = new List<LintFinding>();
        // Bytes that are not UTF-8 would throw from System.Text.Json when a string of them is read (a fuzzing find, issue 13).
        if (!System.Text.Unicode.Utf8.IsValid(subject.Output.Span))
            return new([], "not UTF-8 text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(subject.Output, Options);
        }
        catch (JsonException e)
        {
            // AZL007: a bare Unauthorized (not even JSON) returned as the result.
            if (IsUnauthorizedText(Encoding.UTF8.GetString(subject.Output.Span)))
                return new([new(LintRules.UnauthorizedReturned, "$", "the result is the text Unauthorized")], null);
            return new([], $"not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document)
        {
            var root = document.RootElement;
            // A string that is not text (an escaped lone surrogate) cannot be read as a string; the gateway refuses such
            // an output with 500 (output validation), so there is nothing for the linter to say about its content.
            if (AuthorizerConformance.Policy.JsonTextCheck.FirstNonText(root) is { } notText)
                return new([], $"not text at ${(notText.Path.Length == 0 || notText.Path[0] == '[' ? "" : ".")}{notText.Path}: {notText.Message}");
            if (root.ValueKind == JsonValueKind.String && IsUnauthorizedText(root.GetString()!))
                findings.Add(new(LintRules.UnauthorizedReturned, "$", $"the result is the JSON string \"{root.GetString()}\""));
            if (subject.Output.Length > MaxOutputBytes)
                findings.Add(new(LintRules.ContextOversized, "$", $"the output is {subject.Output.Length} bytes; API Gateway's limit is {MaxOutputBytes}"));
            if (root.ValueKind == JsonValueKind.Object)
                LintObject(root, subject, findings);
        }
        return new(findings, null);
    }

    private static void LintObject(JsonElement root, LintSubject subject, List<LintFinding> findings)
    {
        CheckNames(root, "$", TopLevelNames, findings);
        if (Member(root, "principalId") is { ValueKind: JsonValueKind.String } principal)
            CheckPrincipal(principal.GetString()!, subject, findings);
        if (Member(root, "context") is { ValueKind: JsonValueKind.Object } context)
            CheckContext(context, subject, findings);
        if (Member(root, "policyDocument") is { ValueKind: JsonValueKind.Object } policy)
            CheckPolicy(policy, PathOf("$", NameOf(root, "policyDocument")!), subject, findings);
    }

    private static void CheckPrincipal(string principal, LintSubject subject, List<LintFinding> findings)
    {
        var reason = subject.Credentials.Any(c => c.Length > 0 && (principal == c || (c.Length >= 16 && principal.Contains(c, StringComparison.Ordinal))))
            ? "it is (or contains) the credential the function was handed"
            : principal.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? "it holds an Authorization header value"
            : AuthorizerConformance.Gateway.Redaction.Redact(principal) != principal ? "it holds a JWT (the redaction routine finds one in it)"
            : Credentials.LooksLikeAwsAccessKey(principal) ? "it looks like an AWS access key id"
            : null;
        if (reason is not null)
            findings.Add(new(LintRules.PrincipalHoldsCredential, "$.principalId", reason));
    }

    private static void CheckContext(JsonElement context, LintSubject subject, List<LintFinding> findings)
    {
        foreach (var member in context.EnumerateObject())
        {
            var path = PathOf("$.context", member.Name);
            if (!subject.ContextMayHoldJson && member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                findings.Add(new(LintRules.ContextNotPrimitive, path, $"the value is a JSON {(member.Value.ValueKind == JsonValueKind.Object ? "object" : "array")}"));
            else if (member.Value.ValueKind == JsonValueKind.String && member.Value.GetString()!.Length > MaxContextValueChars)
                findings.Add(new(LintRules.ContextOversized, path, $"the value is {member.Value.GetString()!.Length} characters (over {MaxContextValueChars})"));
        }
    }

    private static JsonElement? Member(JsonElement element, string name) =>
        NameOf(element, name) is { } actual ? element.GetProperty(actual) : null;

    /// <summary>The member name as written: the exact one, else the first that differs only in case.</summary>
    private static string? NameOf(JsonElement element, string name)
    {
        if (element.TryGetProperty(name, out _))
            return name;
        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
                return member.Name;
        }
        return null;
    }

    private static void CheckNames(JsonElement element, string path, IReadOnlyList<string> known, List<LintFinding> findings)
    {
        foreach (var member in element.EnumerateObject())
        {
            var expected = known.FirstOrDefault(k => string.Equals(k, member.Name, StringComparison.OrdinalIgnoreCase));
            if (expected is not null && expected != member.Name)
                findings.Add(new(LintRules.Casing, PathOf(path, member.Name), $"\"{member.Name}\" should be \"{expected}\""));
        }
    }

    private static bool IsUnauthorizedText(string text) => text.Trim().Equals("Unauthorized", StringComparison.OrdinalIgnoreCase);

    /// <summary>A JSON path step: <c>.name</c> for plain names, <c>['…']</c> otherwise.</summary>
    internal static string PathOf(string parent, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static readonly string[] TopLevelNames = ["principalId", "policyDocument", "context", "usageIdentifierKey", "isAuthorized"];
}
