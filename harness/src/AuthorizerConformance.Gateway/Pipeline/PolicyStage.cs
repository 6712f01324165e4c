using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Stage 6, policy evaluation: compiles authorizer policies under the behaviour profile (POL-6..10, ARN-5) with the
/// policy engine, and evaluates a compiled policy against the request's ARN with the condition keys API Gateway
/// can know (POL-6: which keys exist is undocumented; we supply aws:SourceIp, aws:CurrentTime, aws:EpochTime,
/// aws:SecureTransport and aws:UserAgent).
/// </summary>
internal sealed class PolicyStage
{
    /// <summary>How many distinct compiled authorizer policies are kept for reuse.</summary>
    internal const int MemoCapacity = 256;

    private readonly GatewayBehavior _behavior;
    private readonly PolicyOptions _options;

    // A compiled policy is immutable and depends only on the document text and the fixed options, so an identical
    // document (the same token on the same method with TTL 0, say) is compiled once. A memo, not the result cache:
    // it never changes an outcome and never skips an invocation.
    private readonly Dictionary<string, CompiledPolicy> _memo = new(StringComparer.Ordinal);

    public PolicyStage(GatewayBehavior behavior)
    {
        _behavior = behavior;
        _options = new PolicyOptions
        {
            Conditions = behavior.Conditions,
            // ARN-5 (L): Resource entries over 512 characters are invalid unless the profile lifts the limit.
            MaxResourceLength = behavior.EnforceResourceArnLength ? 512 : int.MaxValue,
            // POL-12 (L): empty Not lists and empty string entries, as the profile reads them.
            EmptyNotList = behavior.EmptyNotList,
            EmptyStringEntry = behavior.EmptyStringEntry,
        };
    }

    /// <summary>POL-1..10: the compiled policy, or null with a reason (500 AUTHORIZER_CONFIGURATION_ERROR).</summary>
    public CompiledPolicy? CompileAuthorizerPolicy(JsonElement document, out string? error)
    {
        var text = document.GetRawText();
        if (_memo.TryGetValue(text, out var known))
        {
            error = null;
            return known;
        }
        var compiled = Compile(document, out error);
        if (compiled is not null)
        {
            if (_memo.Count >= MemoCapacity)
                _memo.Clear();
            _memo[text] = compiled;
        }
        return compiled;
    }

    private CompiledPolicy? Compile(JsonElement document, out string? error)
    {
        error = ProfileViolation(document);
        if (error is not null)
            return null;
        if (NeedsRewrite(document))
            document = Rewrite(document);
        var parsed = PolicyParser.Parse(document, _options);
        if (!parsed.IsValid)
        {
            error = "policyDocument is invalid: " + string.Join("; ", parsed.Errors.Select(e => $"{(e.Path.Length == 0 ? "(document)" : e.Path)}: {e.Message}"));
            return null;
        }
        // POL-9 (L): a single Statement object is valid IAM; the profile may refuse it.
        if (parsed.Policy!.StatementWasObject && !_behavior.AcceptSingleStatementObject)
        {
            error = "policyDocument.Statement is a single object, not an array (POL-9, profile refuses it)";
            return null;
        }
        return parsed.Policy;
    }

    public static PolicyEvaluation Evaluate(CompiledPolicy policy, string arn, RequestView view) =>
        policy.Evaluate(new PolicyRequest(PolicyRequest.InvokeAction, arn, ConditionKeys(view)));

    private static Dictionary<string, IReadOnlyList<string>> ConditionKeys(RequestView view)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["aws:SourceIp"] = [view.Request.SourceIp],
            ["aws:CurrentTime"] = [view.Facts.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)],
            ["aws:EpochTime"] = [view.Facts.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)],
            ["aws:SecureTransport"] = ["true"],
        };
        if (view.UserAgent is { } agent)
            keys["aws:UserAgent"] = [agent];
        return keys;
    }

    /// <summary>Profile rules the engine does not know: POL-7 NotAction, POL-10 Version.</summary>
    private string? ProfileViolation(JsonElement document)
    {
        if (_behavior.RequirePolicyVersion && !document.TryGetProperty("Version", out _))
            return "policyDocument.Version is missing (POL-10, profile requires it)";
        var index = 0;
        foreach (var statement in Statements(document))
        {
            if (!_behavior.AcceptNotAction && statement.TryGetProperty("NotAction", out _))
                return $"policyDocument.Statement[{index}].NotAction is not accepted (POL-7, profile refuses it)";
            index++;
        }
        return null;
    }

    /// <summary>POL-8 with case-insensitive Effect, and POL-6 with a tolerated <c>"Condition": null</c>, need a rewrite.</summary>
    private bool NeedsRewrite(JsonElement document)
    {
        foreach (var statement in Statements(document))
        {
            if (!_behavior.EffectCaseSensitive && statement.TryGetProperty("Effect", out var effect)
                && effect.ValueKind == JsonValueKind.String && effect.GetString() is not ("Allow" or "Deny"))
                return true;
            if (!_behavior.NullConditionIsInvalid && statement.TryGetProperty("Condition", out var condition)
                && condition.ValueKind == JsonValueKind.Null)
                return true;
        }
        return false;
    }

    private JsonElement Rewrite(JsonElement document)
    {
        var node = JsonNode.Parse(document.GetRawText())!.AsObject();
        var statements = node["Statement"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => [],
        };
        foreach (var statement in statements)
        {
            if (!_behavior.EffectCaseSensitive && statement["Effect"] is JsonValue value && value.TryGetValue<string>(out var effect))
            {
                if (string.Equals(effect, "Allow", StringComparison.OrdinalIgnoreCase))
                    statement["Effect"] = "Allow";
                else if (string.Equals(effect, "Deny", StringComparison.OrdinalIgnoreCase))
                    statement["Effect"] = "Deny";
            }
            if (!_behavior.NullConditionIsInvalid && statement.ContainsKey("Condition") && statement["Condition"] is null)
                statement.Remove("Condition");
        }
        return JsonDocument.Parse(node.ToJsonString()).RootElement;
    }

    internal static IEnumerable<JsonElement> Statements(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("Statement", out var statement))
            yield break;
        if (statement.ValueKind == JsonValueKind.Object)
        {
            yield return statement;
        }
        else if (statement.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in statement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                    yield return item;
            }
        }
    }
}
