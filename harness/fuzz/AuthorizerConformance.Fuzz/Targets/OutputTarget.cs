using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Fuzz.Targets;

/// <summary>
/// The authorizer-output validator (stage 5). The first byte picks the API type, the response format and the
/// behaviour options; the rest is the function's output as it came back.
/// </summary>
internal static class OutputTarget
{
    private static readonly ApiType[] Types = [ApiType.Rest, ApiType.Http, ApiType.WebSocket];

    public static FuzzVerdict Classify(byte[] input)
    {
        if (input.Length == 0)
            return FuzzVerdict.Refused("empty input (no settings byte)");
        var settings = input[0];
        var behavior = GatewayBehavior.Default with
        {
            RestOutputSizeLimit = (settings & 0x08) != 0,
            DuplicateOutputKeys = (settings & 0x10) != 0 ? DuplicateKeyHandling.LastWins : DuplicateKeyHandling.Invalid,
        };
        var api = new ApiDefinition { Type = Types[settings % 3], Behavior = behavior };
        var simple = api.Type == ApiType.Http && (settings & 0x04) != 0;
        var stage = new OutputValidationStage(api, new PolicyStage(api.Behavior));
        var output = stage.Validate(input.AsMemory(1), simple, out var failure);
        if (output is null)
            return FuzzVerdict.Refused(failure is null ? "refused without a failure" : $"{failure.Code}: {failure.Detail}");
        if (failure is not null)
            throw new FuzzInvariantException("the validator returned an output and a failure");
        // Read everything the later stages read, as they read it (a context value after the document is gone, …).
        var context = string.Join(",", output.Context.Select(kv => $"{kv.Key}={AuthorizerOutput.Stringify(kv.Value)}"));
        return FuzzVerdict.Accepted(
            $"{api.Type}{(simple ? " simple" : "")}: principal {output.PrincipalId ?? "(none)"}, authorized {output.IsAuthorized?.ToString() ?? "(policy)"}, " +
            $"policy {output.Policy is not null}, context {context.Length} chars");
    }
}
