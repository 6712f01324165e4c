using AuthorizerConformance.Policy;
using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Stage 5, output validation: a validating parser over the raw JSON, never lenient deserialization. Every
/// rejection becomes 500 AUTHORIZER_CONFIGURATION_ERROR (OUT-1..8) or, on HTTP APIs, 500 (HTTP-7).
/// </summary>
internal sealed class OutputValidationStage
{
    /// <summary>OUT-8, WS-6: the authorizer result is limited to 8 KB.</summary>
    public const int MaxOutputBytes = 8 * 1024;

    private readonly ApiDefinition _api;
    private readonly PolicyStage _policy;

    public OutputValidationStage(ApiDefinition api, PolicyStage policy)
    {
        _api = api;
        _policy = policy;
    }

    public AuthorizerOutput? Validate(ReadOnlyMemory<byte> raw, bool simpleResponses, out OutputFailure? failure)
    {
        // OUT-8: WebSocket always (H); REST only when the profile says so (section N says it does not apply).
        if (raw.Length > MaxOutputBytes && (_api.Type == ApiType.WebSocket || (_api.Type == ApiType.Rest && _api.Behavior.RestOutputSizeLimit)))
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, $"output is {raw.Length} bytes; the limit is {MaxOutputBytes}");
        // Found by fuzzing (issue 13): System.Text.Json does not check UTF-8 until a string is read, so bytes that are not
        // UTF-8 inside a member name threw from the later stages. Output that is not text is invalid output (500), like
        // output that is not JSON (a local decision: Lambda hands API Gateway the bytes the function returned).
        if (!System.Text.Unicode.Utf8.IsValid(raw.Span))
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, "output is not UTF-8 text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw);
        }
        catch (JsonException)
        {
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, "output is not valid JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            // OUT-1, UNA-4: only an object is an authorizer result; null, a string such as "Unauthorized" or an array is not.
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, $"output is JSON {Describe(root.ValueKind)}, not an object");
            // Decided (the spec is silent): a string the output cannot be read as text is invalid output (500), not
            // whatever a lenient reader would make of half a surrogate pair.
            if (JsonTextCheck.FirstNonText(root) is { } notText)
                return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, $"output {(notText.Path.Length == 0 ? "" : notText.Path + ": ")}{notText.Message}");
            // Issue 16: a member named twice; API Gateway's handling is unknown, so the profile decides and the detail says so.
            var duplicate = DuplicateKey(raw);
            if (duplicate is not null && _api.Behavior.DuplicateOutputKeys == DuplicateKeyHandling.Invalid)
                return Fail(out failure, FailureCodes.AuthorizerOutputInvalid,
                    $"output names a member twice ({duplicate}); behaviour option duplicateOutputKeys is invalid (API Gateway's handling is unknown)");
            var output = simpleResponses ? Simple(root, out failure) : Iam(root, out failure);
            if (duplicate is not null && failure is not null)
                failure = failure with { Detail = failure.Detail + $"; the output names a member twice ({duplicate}), read as last-wins (duplicateOutputKeys)" };
            return output;
        }
    }

    /// <summary>The first member named twice in one object, described, or null.</summary>
    private static string? DuplicateKey(ReadOnlyMemory<byte> raw)
    {
        try
        {
            using var strict = JsonDocument.Parse(raw, StrictJson.Options);
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
        catch (InvalidOperationException)
        {
            // A member name that is not text cannot be compared; the text check above has already refused such output.
            return null;
        }
    }

    /// <summary>HTTP-5, HTTP-7: <c>isAuthorized</c> must be a real boolean; <c>"true"</c> never grants.</summary>
    private AuthorizerOutput? Simple(JsonElement root, out OutputFailure? failure)
    {
        if (!root.TryGetProperty("isAuthorized", out var verdict) || verdict.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid,
                "simple response needs isAuthorized as a JSON boolean" + (root.TryGetProperty("isAuthorized", out var v) ? $", got {Describe(v.ValueKind)}" : ""));
        var context = Context(root, out failure);
        return failure is null ? new AuthorizerOutput { IsAuthorized = verdict.GetBoolean(), Context = context } : null;
    }

    private AuthorizerOutput? Iam(JsonElement root, out OutputFailure? failure)
    {
        if (!root.TryGetProperty("policyDocument", out var policy) || policy.ValueKind == JsonValueKind.Null)
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, MissingPolicyReason(root));
        if (policy.ValueKind != JsonValueKind.Object)
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, $"policyDocument is JSON {Describe(policy.ValueKind)}, not an object (OUT-2)");
        string? principalId = null;
        if (root.TryGetProperty("principalId", out var principal) && principal.ValueKind != JsonValueKind.Null)
        {
            if (principal.ValueKind != JsonValueKind.String)
                return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, $"principalId is JSON {Describe(principal.ValueKind)}, not a string");
            principalId = principal.GetString();
        }
        else if (_api.Behavior.PrincipalIdRequired)
        {
            // OUT-3 (L): strict mode.
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, "principalId is missing (OUT-3, strict profile)");
        }
        string? usageKey = null;
        if (root.TryGetProperty("usageIdentifierKey", out var key) && key.ValueKind != JsonValueKind.Null)
        {
            if (key.ValueKind != JsonValueKind.String)
                return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, "usageIdentifierKey is not a string");
            usageKey = key.GetString();
        }
        var context = Context(root, out failure);
        if (failure is not null)
            return null;
        var compiled = _policy.CompileAuthorizerPolicy(policy, out var policyError);
        if (compiled is null)
            return Fail(out failure, FailureCodes.AuthorizerOutputInvalid, policyError!);
        // OUT-9 (L): unknown extra top-level members are ignored.
        return new AuthorizerOutput { PrincipalId = principalId, Policy = compiled, Context = context, UsageIdentifierKey = usageKey };
    }

    /// <summary>OUT-5, OUT-6, HTTP-6: REST and WebSocket accept string, number, boolean (and null); HTTP any JSON type.</summary>
    private IReadOnlyList<KeyValuePair<string, JsonElement>> Context(JsonElement root, out OutputFailure? failure)
    {
        failure = null;
        if (!root.TryGetProperty("context", out var context) || context.ValueKind == JsonValueKind.Null)
            return [];
        if (context.ValueKind != JsonValueKind.Object)
        {
            if (_api.Behavior.NonObjectContextIsInvalid)
                failure = new OutputFailure(FailureCodes.AuthorizerOutputInvalid, $"context is JSON {Describe(context.ValueKind)}, not an object (OUT-6)");
            return [];
        }
        var entries = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in context.EnumerateObject())
        {
            if (_api.Type != ApiType.Http && property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                failure = new OutputFailure(FailureCodes.ContextValueInvalid,
                    $"context.{property.Name} is JSON {Describe(property.Value.ValueKind)}; values must be string, number or boolean (OUT-5)");
                return [];
            }
            entries.Add(new(property.Name, property.Value.Clone()));
        }
        return entries;
    }

    /// <summary>OUT-1, OUT-4: say why the policy is missing: a proxy-style result or a wrong-case key.</summary>
    private static string MissingPolicyReason(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, "policyDocument", StringComparison.OrdinalIgnoreCase))
                return $"policyDocument is missing; found wrong-case key '{property.Name}' (OUT-4: member names are case-sensitive)";
        }
        if (root.TryGetProperty("statusCode", out _))
            return "output is a proxy-style {statusCode, body} response, not an authorizer result (OUT-1)";
        return "policyDocument is missing or null (OUT-2)";
    }

    private static AuthorizerOutput? Fail(out OutputFailure? failure, string code, string detail)
    {
        failure = new OutputFailure(code, detail);
        return null;
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
