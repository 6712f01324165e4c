using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// The API <c>authz calibrate</c> probes: a REST API with two TOKEN authorizers reading <c>Authorization</c>, both
/// with caching off (TTL 0) and both running the calibration authorizer — <c>Calibrate</c> on <c>/calibrate/…</c>, and
/// <c>CalibrateRegex</c> with the validation expression <c>eyJ</c> on <c>/calibrate-regex/…</c>. Deploy the same on the
/// stage you calibrate (docs/deployed-stage.md); here it is also the emulated stage the probes' expectations come from.
/// </summary>
public static class CalibrationApi
{
    /// <summary>The path most probes call.</summary>
    public const string ProbePath = "/calibrate/probe";

    /// <summary>The path whose authorizer has a validation expression.</summary>
    public const string RegexProbePath = "/calibrate-regex/probe";

    /// <summary>TOK-8: a token matches <c>eyJ</c> only when the expression may match anywhere (every JWT starts with it).</summary>
    public const string ValidationExpression = "eyJ";

    private const string Kind = "calibration-echo";

    /// <summary>The emulated calibration stage with <paramref name="behavior"/>, its authorizers checking <paramref name="secret"/>.</summary>
    public static ApiGateway Emulate(GatewayBehavior behavior, byte[] secret, TimeProvider clock) =>
        Emulate(behavior, new CalibrationEchoFunction(secret ?? throw new ArgumentNullException(nameof(secret))), clock);

    /// <summary>The emulated calibration stage with <paramref name="behavior"/>, its authorizers running <paramref name="calibrationAuthorizer"/>.</summary>
    public static ApiGateway Emulate(GatewayBehavior behavior, IAuthorizerFunction calibrationAuthorizer, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        ArgumentNullException.ThrowIfNull(calibrationAuthorizer);
        var parsed = ScenarioParser.Parse(Document().ToJsonString(), behavior);
        if (!parsed.IsValid)
            throw new InvalidOperationException($"the calibration API is not a valid scenario: {parsed.Error}");
        return new ApiGateway(parsed.Scenario!.Api, parsed.Scenario.Authorizers, _ => calibrationAuthorizer, clock);
    }

    /// <summary>The calibration API as a scenario document (no requests).</summary>
    public static JsonObject Document() => new()
    {
        ["api"] = new JsonObject
        {
            ["type"] = "REST",
            ["routes"] = new JsonArray(
                new JsonObject { ["method"] = "ANY", ["resource"] = "/calibrate/{proxy+}", ["authorizer"] = "Calibrate" },
                new JsonObject { ["method"] = "ANY", ["resource"] = "/calibrate-regex/{proxy+}", ["authorizer"] = "CalibrateRegex" }),
        },
        ["authorizers"] = new JsonObject
        {
            ["Calibrate"] = Authorizer(null),
            ["CalibrateRegex"] = Authorizer(ValidationExpression),
        },
        ["requests"] = new JsonArray(),
    };

    private static JsonObject Authorizer(string? validationExpression)
    {
        var authorizer = new JsonObject
        {
            ["type"] = "TOKEN",
            ["identitySource"] = "method.request.header.Authorization",
            ["resultTtlInSeconds"] = 0,
            ["function"] = new JsonObject { ["kind"] = Kind },
        };
        if (validationExpression is not null)
            authorizer["identityValidationExpression"] = validationExpression;
        return authorizer;
    }
}
