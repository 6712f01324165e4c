using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Fuzz.Targets;

/// <summary>
/// The policy parser as <c>authz policy evaluate --policy</c> reads it; a valid policy is also evaluated against fixed
/// requests and printed, re-parsed and printed again, which must give the same text and the same decisions.
/// </summary>
internal static class PolicyTarget
{
    private static readonly PolicyRequest[] Requests =
    [
        new(PolicyRequest.InvokeAction, "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1",
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["aws:SourceIp"] = ["10.1.2.3"],
                ["aws:CurrentTime"] = ["2026-12-06T12:00:00Z"],
                ["aws:PrincipalTag/team"] = ["a?a?a?aaaa*"],
            }),
        new("execute-api:ManageConnections", "arn:aws:execute-api:eu-west-1:123456789012:ws1/$default/POST/@connections/x"),
        new(PolicyRequest.InvokeAction, "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/" + new string('a', 600)),
    ];

    public static FuzzVerdict Classify(byte[] input)
    {
        if (FuzzText.Read(input, InputLimits.PolicyFileBytes, "--policy", out var refusal) is not { } json)
            return refusal;
        var parsed = PolicyParser.Parse(json);
        if (!parsed.IsValid)
            return FuzzVerdict.Refused(parsed.Errors.Count == 0 ? "invalid without an error" : $"{parsed.Errors[0].Path}: {parsed.Errors[0].Message}");
        var policy = parsed.Policy!;
        var printed = policy.ToJson();
        var again = PolicyParser.Parse(printed);
        if (!again.IsValid)
            throw new FuzzInvariantException($"the printed policy does not parse: {again.Errors[0].Path}: {again.Errors[0].Message}");
        if (again.Policy!.ToJson() != printed)
            throw new FuzzInvariantException("printing the re-parsed policy gives different text");
        var decisions = new List<PolicyDecision>(Requests.Length);
        foreach (var request in Requests)
        {
            var decision = policy.Evaluate(request).Decision;
            if (again.Policy.Evaluate(request).Decision != decision)
                throw new FuzzInvariantException($"the re-parsed policy decides {request.Resource} differently");
            decisions.Add(decision);
        }
        return FuzzVerdict.Accepted(string.Join(", ", decisions));
    }
}
