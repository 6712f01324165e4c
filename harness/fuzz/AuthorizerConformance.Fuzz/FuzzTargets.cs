using AuthorizerConformance.Fuzz.Targets;

namespace AuthorizerConformance.Fuzz;

/// <summary>Every fuzz target, one per parser that reads outside input (issue 13 item 2, issue 16).</summary>
public static class FuzzTargets
{
    /// <summary>The targets, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("policy", "PolicyParser (authz policy evaluate --policy, authorizer policies), then evaluation and the ToJson round trip", PolicyTarget.Classify),
        new("output", "OutputValidationStage: an authorizer's output (IAM and simple responses, REST/HTTP/WebSocket)", OutputTarget.Classify),
        new("scenario", "ScenarioParser (authz simulate FILE) through BoundedInput", ScenarioTarget.Classify),
        new("profile", "AuthorizerProfileReader (AUTHZ_PROFILE files)", ProfileTarget.Classify),
        new("runtime-api", "RuntimeApiConnection: the Runtime API host's HTTP/1.1 request reader over a loopback socket", RuntimeApiTarget.Classify),
        new("token", "The reference authorizer's TokenExtractor and StrictJwt, and the redaction of the harness (Redaction) and of the authorizer (LogSafe)", TokenTarget.Classify),
    ];

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
