namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// The probes of <c>authz calibrate</c>, one per behaviour option a deployed REST stage with one TOKEN authorizer (the
/// calibration API, <see cref="CalibrationApi"/>) can show, each taken from a <c>@verify-on-aws</c> scenario; and the
/// options it cannot calibrate, with the reason.
/// </summary>
public static class CalibrationProbes
{
    private const string Allow = """{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}""";
    private const string Bools = "false,true";

    /// <summary>The control: a plain Allow must be a 200, or the stage is not the calibration API (wrong secret, wrong authorizer).</summary>
    public static CalibrationAction Control { get; } = Returns($$$"""[{{{Allow}}}]""");

    /// <summary>Every probe, in table order.</summary>
    public static IReadOnlyList<CalibrationProbe> All { get; } =
    [
        Probe("validationExpressionMatch", "TOK-8", "ValidationExpression.feature: With find-anywhere matching a match anywhere in the token is enough",
            "\"wholeString\",\"find\"", Returns($"[{Allow}]"), CalibrationApi.RegexProbePath),
        Probe("principalIdRequired", "OUT-3", "StatusMapping.feature: With principalId required a missing principalId gives 500", Bools,
            CalibrationAction.Returns($$$"""{"policyDocument": {"Version": "2012-10-17", "Statement": [{{{Allow}}}]}}""")),
        Probe("acceptSingleStatementObject", "POL-9", "PolicyEvaluation.feature: A single statement object is accepted by default", Bools,
            CalibrationAction.Returns($$$"""{"principalId": "calibrate", "policyDocument": {"Version": "2012-10-17", "Statement": {{{Allow}}}}}""")),
        Probe("effectCaseSensitive", "POL-8", "PolicyEvaluation.feature: An Effect in another casing makes the output unusable by default", Bools,
            Returns("""[{"Effect": "allow", "Action": "execute-api:Invoke", "Resource": "*"}]""")),
        Probe("acceptNotAction", "POL-7", "PolicyEvaluation.feature: NotAction is accepted by default and refused by the strict option", Bools,
            Returns("""[{"Effect": "Allow", "NotAction": "execute-api:InvalidateCache", "Resource": "*"}]""")),
        Probe("requirePolicyVersion", "POL-10", "PolicyEvaluation.feature: Version is optional by default, must be an IAM version when present", Bools,
            CalibrationAction.Returns($$$"""{"principalId": "calibrate", "policyDocument": {"Statement": [{{{Allow}}}]}}""")),
        Probe("conditions", "POL-6", "PolicyEvaluation.feature: Behaviour options for conditions", "\"evaluate\",\"rejectAsInvalid\"",
            Returns("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["0.0.0.0/0", "::/0"]}}}]""")),
        Probe("nullConditionIsInvalid", "POL-6", "PolicyEvaluation.feature: Behaviour options for conditions", Bools,
            Returns("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*", "Condition": null}]""")),
        Probe("unauthorizedMatchIgnoresCase", "UNA-3", "StatusMapping.feature: With a case-insensitive match a lower-case unauthorized gives 401", Bools,
            CalibrationAction.Fails("unauthorized")),
        Probe("restOutputSizeLimit", "OUT-8", "StatusMapping.feature: With the REST size limit switched on a result over 8 KB gives 500", Bools,
            Returns($"[{Allow}]", padContextChars: 9000)),
        Probe("enforceResourceArnLength", "ARN-5", "PolicyEvaluation.feature: A Resource over 512 characters", Bools,
            Returns($$$"""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:*/{{{new string('*', 500)}}}"}]""")),
        Probe("nonObjectContextIsInvalid", "OUT-6", "Context.feature: With non-object contexts tolerated the context is ignored", Bools,
            CalibrationAction.Returns($$$"""{"principalId": "calibrate", "policyDocument": {"Version": "2012-10-17", "Statement": [{{{Allow}}}]}, "context": "text"}""")),
        Probe("emptyNotList", "POL-12", "PolicyEvaluation.feature: An empty NotResource or NotAction list is read as the behaviour option says, by default never widening access",
            "\"narrowest\",\"literal\",\"invalid\"", Returns("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": []}]""")),
        Probe("emptyStringEntry", "POL-12", "PolicyEvaluation.feature: An empty string entry is read as the behaviour option says, by default never widening access",
            "\"narrowest\",\"literal\",\"invalid\"", Returns("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "NotResource": [""]}]""")),
    ];

    /// <summary>The options no probe decides, and why (what the calibration API would need).</summary>
    public static IReadOnlyDictionary<string, string> NotCalibrated { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cacheUnauthorized"] = "needs an authorizer with a result cache (TTL > 0); the calibration API does not cache",
        ["cacheExpirySlidesOnHit"] = "needs a cached authorizer and minutes of real time",
        ["validateRequestIdentityWhenTtlZero"] = "needs a REQUEST authorizer",
        ["httpForbiddenBody"] = "needs an HTTP API",
        ["httpInternalServerErrorBody"] = "needs an HTTP API",
        ["httpUnauthorizedErrorGives401"] = "needs an HTTP API",
        ["restAuthorizerTimeoutSeconds"] = "needs an authorizer that runs past 29 s",
        ["repeatedHeaderValue"] = "needs a header sent twice, which HTTP clients merge into one",
        ["duplicateOutputKeys"] = "a Lambda runtime serializes the function's result, so a deployed function cannot return a member twice",
        ["maskAccountInResourcePolicyDenial"] = "needs a resource policy on the API",
        ["neitherDenialMessage"] = "needs a resource policy on the API",
        ["functionErrorsUseAuthorizerFailure"] = "no @verify-on-aws scenario states it yet (section I.10 has no observed trigger)",
    };

    private static CalibrationProbe Probe(string option, string rule, string scenario, string values, CalibrationAction action,
        string path = CalibrationApi.ProbePath) =>
        new(option, rule, scenario, values.Split(','), action, path);

    private static CalibrationAction Returns(string statements, int padContextChars = 0) =>
        CalibrationAction.Returns($$$"""{"principalId": "calibrate", "policyDocument": {"Version": "2012-10-17", "Statement": {{{statements}}}}}""", padContextChars);
}
