using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// The API's resource policy (POL-11). The caller of a Lambda-authorized API is anonymous, so only statements whose
/// <c>Principal</c> is <c>*</c> (or <c>{"AWS": "*"}</c>) apply; they are compiled without the Principal element,
/// which the engine reserves for resource policies. Combination follows D-FLOW Table A (same account).
/// </summary>
internal static class ResourcePolicy
{
    /// <summary>
    /// Compiles the document. False with errors (JSON paths relative to the document) when it is invalid; true with a
    /// null policy when no statement applies to an anonymous caller (every request is then implicitly denied by it).
    /// </summary>
    public static bool TryCompile(JsonElement document, GatewayBehavior behavior, out CompiledPolicy? policy, out IReadOnlyList<PolicyError> errors)
    {
        policy = null;
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors = [new PolicyError("", "must be a JSON object")];
            return false;
        }
        var node = JsonNode.Parse(document.GetRawText())!.AsObject();
        if (node["Statement"] is JsonObject single)
            node["Statement"] = new JsonArray(single.DeepClone());
        if (node["Statement"] is JsonArray statements)
        {
            var kept = new JsonArray();
            foreach (var statement in statements)
            {
                if (statement is JsonObject s && s.ContainsKey("Principal"))
                {
                    if (!IsAnonymous(s["Principal"]))
                        continue;
                    s = (JsonObject)s.DeepClone();
                    s.Remove("Principal");
                    kept.Add(s);
                }
                else
                {
                    kept.Add(statement?.DeepClone());
                }
            }
            node["Statement"] = kept;
        }
        errors = [];
        // An empty statement list (or only statements for other principals) decides nothing: implicit deny.
        if (node["Statement"] is JsonArray { Count: 0 })
            return true;
        var options = new PolicyOptions { Conditions = behavior.Conditions, EmptyNotList = behavior.EmptyNotList, EmptyStringEntry = behavior.EmptyStringEntry };
        var result = PolicyParser.Parse(node.ToJsonString(), options);
        errors = result.Errors;
        policy = result.Policy;
        return result.IsValid;
    }

    /// <summary>The resource policy's decision for one request.</summary>
    public static PolicyEvaluation Evaluate(CompiledPolicy? policy, RequestView view) =>
        policy is null ? new PolicyEvaluation(PolicyDecision.ImplicitDeny, [], []) : PolicyStage.Evaluate(policy, view.Arn, view);

    /// <summary>POL-11, Table A: an explicit Deny anywhere wins; otherwise an Allow from either side is enough.</summary>
    public static PolicyDecision Combine(PolicyDecision resourcePolicy, PolicyDecision authorizer)
    {
        if (resourcePolicy == PolicyDecision.ExplicitDeny || authorizer == PolicyDecision.ExplicitDeny)
            return PolicyDecision.ExplicitDeny;
        if (resourcePolicy == PolicyDecision.Allow || authorizer == PolicyDecision.Allow)
            return PolicyDecision.Allow;
        return PolicyDecision.ImplicitDeny;
    }

    private static bool IsAnonymous(JsonNode? principal) => principal switch
    {
        JsonValue v => v.TryGetValue<string>(out var s) && s == "*",
        JsonObject o => o["AWS"] is JsonValue aws && aws.TryGetValue<string>(out var a) && a == "*",
        _ => false,
    };
}
