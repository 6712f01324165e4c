using System.Text.Json;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>Reads <c>api.behavior</c>: each member sets the <see cref="GatewayBehavior"/> option of the same (camelCase) name.</summary>
internal static class GatewayBehaviorReader
{
    private delegate GatewayBehavior Setter(GatewayBehavior behavior, JsonElement obj, string path, string name);

    private static readonly Dictionary<string, Setter> Options = new(StringComparer.Ordinal)
    {
        ["validationExpressionMatch"] = (b, o, p, n) => b with
        {
            ValidationExpressionMatch = Json.Choice(o, p, n, null, "wholeString", "find") == "find" ? ValidationExpressionMatch.Find : ValidationExpressionMatch.WholeString,
        },
        ["principalIdRequired"] = (b, o, p, n) => b with { PrincipalIdRequired = Json.Bool(o, p, n)!.Value },
        ["cacheUnauthorized"] = (b, o, p, n) => b with { CacheUnauthorized = Json.Bool(o, p, n)!.Value },
        ["validateRequestIdentityWhenTtlZero"] = (b, o, p, n) => b with { ValidateRequestIdentityWhenTtlZero = Json.Bool(o, p, n)!.Value },
        ["httpForbiddenBody"] = (b, o, p, n) => b with { HttpForbiddenBody = Json.String(o, p, n)! },
        ["httpInternalServerErrorBody"] = (b, o, p, n) => b with { HttpInternalServerErrorBody = Json.String(o, p, n)! },
        ["httpUnauthorizedErrorGives401"] = (b, o, p, n) => b with { HttpUnauthorizedErrorGives401 = Json.Bool(o, p, n)!.Value },
        ["restAuthorizerTimeoutSeconds"] = (b, o, p, n) => b with { RestAuthorizerTimeoutSeconds = Json.Integer(o, p, n, 1, 900)!.Value },
        ["restOutputSizeLimit"] = (b, o, p, n) => b with { RestOutputSizeLimit = Json.Bool(o, p, n)!.Value },
        ["acceptSingleStatementObject"] = (b, o, p, n) => b with { AcceptSingleStatementObject = Json.Bool(o, p, n)!.Value },
        ["effectCaseSensitive"] = (b, o, p, n) => b with { EffectCaseSensitive = Json.Bool(o, p, n)!.Value },
        ["acceptNotAction"] = (b, o, p, n) => b with { AcceptNotAction = Json.Bool(o, p, n)!.Value },
        ["requirePolicyVersion"] = (b, o, p, n) => b with { RequirePolicyVersion = Json.Bool(o, p, n)!.Value },
        ["conditions"] = (b, o, p, n) => b with
        {
            Conditions = Json.Choice(o, p, n, null, "evaluate", "rejectAsInvalid") == "evaluate" ? ConditionHandling.Evaluate : ConditionHandling.RejectAsInvalid,
        },
        ["nullConditionIsInvalid"] = (b, o, p, n) => b with { NullConditionIsInvalid = Json.Bool(o, p, n)!.Value },
        ["unauthorizedMatchIgnoresCase"] = (b, o, p, n) => b with { UnauthorizedMatchIgnoresCase = Json.Bool(o, p, n)!.Value },
        ["repeatedHeaderValue"] = (b, o, p, n) => b with
        {
            RepeatedHeaderValue = Json.Choice(o, p, n, null, "last", "first") == "first" ? RepeatedHeaderValue.First : RepeatedHeaderValue.Last,
        },
        ["cacheExpirySlidesOnHit"] = (b, o, p, n) => b with { CacheExpirySlidesOnHit = Json.Bool(o, p, n)!.Value },
        ["enforceResourceArnLength"] = (b, o, p, n) => b with { EnforceResourceArnLength = Json.Bool(o, p, n)!.Value },
        ["functionErrorsUseAuthorizerFailure"] = (b, o, p, n) => b with { FunctionErrorsUseAuthorizerFailure = Json.Bool(o, p, n)!.Value },
        ["nonObjectContextIsInvalid"] = (b, o, p, n) => b with { NonObjectContextIsInvalid = Json.Bool(o, p, n)!.Value },
        ["duplicateOutputKeys"] = (b, o, p, n) => b with
        {
            DuplicateOutputKeys = Json.Choice(o, p, n, null, "invalid", "lastWins") == "lastWins" ? DuplicateKeyHandling.LastWins : DuplicateKeyHandling.Invalid,
        },
        ["emptyNotList"] = (b, o, p, n) => b with { EmptyNotList = Reading(o, p, n) },
        ["emptyStringEntry"] = (b, o, p, n) => b with { EmptyStringEntry = Reading(o, p, n) },
        ["maskAccountInResourcePolicyDenial"] = (b, o, p, n) => b with { MaskAccountInResourcePolicyDenial = Json.Bool(o, p, n)!.Value },
        ["neitherDenialMessage"] = (b, o, p, n) => b with
        {
            NeitherDenialMessage = Json.Choice(o, p, n, null, "authorizer", "resourcePolicy") == "resourcePolicy" ? NeitherDenialMessage.ResourcePolicy : NeitherDenialMessage.Authorizer,
        },
    };

    private static EmptyElementReading Reading(JsonElement obj, string path, string name) =>
        Json.Choice(obj, path, name, null, "narrowest", "literal", "invalid") switch
        {
            "literal" => EmptyElementReading.Literal,
            "invalid" => EmptyElementReading.Invalid,
            _ => EmptyElementReading.Narrowest,
        };

    /// <summary>The option names, for documentation and tests.</summary>
    public static IReadOnlyCollection<string> Names => Options.Keys;

    public static GatewayBehavior Read(JsonElement api, string apiPath)
    {
        var behavior = GatewayBehavior.Default;
        if (!Json.Has(api, "behavior", out var element))
            return behavior;
        var path = Json.Child(apiPath, "behavior");
        foreach (var property in Json.Object(element, path).EnumerateObject())
        {
            if (!Options.TryGetValue(property.Name, out var set))
                throw new ScenarioFormatException(Json.Child(path, property.Name), $"unknown behaviour option; expected one of {string.Join(", ", Options.Keys)}");
            if (property.Value.ValueKind == JsonValueKind.Null)
                throw new ScenarioFormatException(Json.Child(path, property.Name), "must not be null");
            behavior = set(behavior, element, path, property.Name);
        }
        return behavior;
    }
}
