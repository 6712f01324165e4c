using System.Text.Json.Nodes;

namespace AuthorizerConformance.Policy.Tests.Generators;

/// <summary>Malformations of §1.1 applied to a valid document, so the differential run also compares Invalid verdicts.</summary>
internal static class Mutations
{
    public static readonly string[] All =
        ["lower-effect", "condition-null", "service-wildcard-action", "missing-resource", "both-resources", "unknown-element", "lower-case-key", "bad-version"];

    public static JsonObject Apply(JsonObject policy, string mutation)
    {
        var statement = policy["Statement"] is JsonArray array ? (JsonObject)array[0]! : (JsonObject)policy["Statement"]!;
        switch (mutation)
        {
            case "lower-effect":
                statement["Effect"] = statement["Effect"]!.GetValue<string>().ToLowerInvariant();
                break;
            case "condition-null":
                statement["Condition"] = null;
                break;
            case "service-wildcard-action":
                statement.Remove("NotAction");
                statement["Action"] = "execute-*:Invoke";
                break;
            case "missing-resource":
                statement.Remove("Resource");
                statement.Remove("NotResource");
                break;
            case "both-resources":
                statement["Resource"] = "*";
                statement["NotResource"] = "*";
                break;
            case "unknown-element":
                statement["Extra"] = "x";
                break;
            case "lower-case-key":
                var effect = statement["Effect"]!.GetValue<string>();
                statement.Remove("Effect");
                statement["effect"] = effect;
                break;
            case "bad-version":
                policy["Version"] = "2012-10-18";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, "unknown mutation");
        }
        return policy;
    }
}
