namespace AuthorizerConformance.Gateway.Tests;

/// <summary>Both settings of every behaviour-profile option (spec section I and the L rules).</summary>
public class BehaviorProfileTests
{
    private const string Regex = """, "identityValidationExpression": "Bearer [a-z]+" """;

    [Fact]
    public async Task TOK_8_default_whole_string_rejects_a_partial_match()
    {
        var result = await Kit.RestToken(Outputs.AllowAll, Regex).Token(token: "xBearer abc1");
        Expect.Rejected(result, 401, FailureCodes.ValidationExpressionMismatch);
    }

    [Fact]
    public async Task TOK_8_find_mode_accepts_a_partial_match()
    {
        var result = await Kit.RestToken(Outputs.AllowAll, Regex, """{"validationExpressionMatch": "find"}""").Token(token: "xBearer abc1");
        Expect.Admitted(result);
    }

    private static readonly string NoPrincipal = Outputs.Return("""{"policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}""");

    [Fact]
    public async Task OUT_3_default_accepts_output_without_principalId()
    {
        Expect.Admitted(await Kit.RestToken(NoPrincipal).Token());
    }

    [Fact]
    public async Task OUT_3_strict_mode_rejects_output_without_principalId_with_500()
    {
        var result = await Kit.RestToken(NoPrincipal, behavior: """{"principalIdRequired": true}""").Token();
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Fact]
    public async Task CAC_7_default_does_not_cache_Unauthorized()
    {
        var kit = Kit.RestToken(Outputs.Error("Unauthorized"));
        await kit.Token();
        var second = await kit.Token();
        Assert.False(second.CacheHit);
        Assert.Equal(2, kit.Invocations());
    }

    [Fact]
    public async Task CAC_7_cacheUnauthorized_serves_401_from_the_cache()
    {
        var kit = Kit.RestToken(Outputs.Error("Unauthorized"), behavior: """{"cacheUnauthorized": true}""");
        await kit.Token();
        var second = await kit.Token();
        Expect.Rejected(second, 401, FailureCodes.AuthorizerUnauthorized);
        Assert.True(second.CacheHit);
        Assert.Equal(1, kit.Invocations());
    }

    [Fact]
    public async Task REQ_3_default_validates_identity_sources_when_ttl_is_0()
    {
        var kit = RequestAuthorizerTests.Stage("method.request.header.X-Key", Outputs.AllowAll, ttl: 0);
        Expect.Rejected(await kit.Send("GET", "/pets/1"), 401, FailureCodes.IdentitySourceMissing);
    }

    [Fact]
    public async Task REQ_3_off_skips_identity_validation_when_ttl_is_0()
    {
        var kit = RequestAuthorizerTests.Stage("method.request.header.X-Key", Outputs.AllowAll, ttl: 0, behavior: """{"validateRequestIdentityWhenTtlZero": false}""");
        Expect.Admitted(await kit.Send("GET", "/pets/1"));
        Assert.Equal(1, kit.Invocations("R"));
    }

    [Fact]
    public async Task HTTP_7_default_bodies_for_403_and_500()
    {
        Assert.Equal("""{"message":"Forbidden"}""", (await HttpApiTests.Stage("2.0", Outputs.Return(Outputs.Policy("Deny", "*"))).Send("GET", "/pets/1", ("Authorization", "t"))).Body);
        Assert.Equal("""{"message":"Internal Server Error"}""", (await HttpApiTests.Stage("2.0", Outputs.Error("x")).Send("GET", "/pets/1", ("Authorization", "t"))).Body);
    }

    [Fact]
    public async Task HTTP_7_custom_bodies_for_403_and_500()
    {
        const string behavior = """{"httpForbiddenBody": "{\"message\":\"Denied\"}", "httpInternalServerErrorBody": "{\"message\":\"Oops\"}"}""";
        Assert.Equal("""{"message":"Denied"}""", (await HttpApiTests.Stage("2.0", Outputs.Return(Outputs.Policy("Deny", "*")), behavior: behavior).Send("GET", "/pets/1", ("Authorization", "t"))).Body);
        Assert.Equal("""{"message":"Oops"}""", (await HttpApiTests.Stage("2.0", Outputs.Error("x"), behavior: behavior).Send("GET", "/pets/1", ("Authorization", "t"))).Body);
    }

    [Fact]
    public async Task HTTP_7_default_thrown_Unauthorized_gives_401()
    {
        Expect.Rejected(await HttpApiTests.Stage("2.0", Outputs.Error("Unauthorized")).Send("GET", "/pets/1", ("Authorization", "t")), 401, FailureCodes.AuthorizerUnauthorized);
    }

    [Fact]
    public async Task HTTP_7_off_thrown_Unauthorized_gives_500()
    {
        var kit = HttpApiTests.Stage("2.0", Outputs.Error("Unauthorized"), behavior: """{"httpUnauthorizedErrorGives401": false}""");
        Expect.Rejected(await kit.Send("GET", "/pets/1", ("Authorization", "t")), 500, FailureCodes.AuthorizerError);
    }

    [Fact]
    public async Task TOK_12_default_rest_timeout_is_29_seconds()
    {
        Assert.Contains("within 29 s", (await Kit.RestToken(Outputs.Timeout).Token()).FailureDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TOK_12_rest_timeout_can_be_set_in_the_profile()
    {
        var result = await Kit.RestToken(Outputs.Timeout, behavior: """{"restAuthorizerTimeoutSeconds": 5}""").Token();
        Assert.Contains("within 5 s", result.FailureDetail, StringComparison.Ordinal);
    }

    private static readonly string Big = Outputs.Return(Outputs.Policy("Allow", "*", $$""", "context": {"big": "{{new string('x', 8200)}}"}"""));

    [Fact]
    public async Task OUT_8_default_rest_has_no_8_KB_limit()
    {
        Expect.Admitted(await Kit.RestToken(Big).Token());
    }

    [Fact]
    public async Task OUT_8_restOutputSizeLimit_applies_8_KB_to_rest()
    {
        Expect.Rejected(await Kit.RestToken(Big, behavior: """{"restOutputSizeLimit": true}""").Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    private static readonly string SingleObject = Outputs.Return("""{"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}}}""");

    [Fact]
    public async Task POL_9_default_accepts_a_single_statement_object()
    {
        Expect.Admitted(await Kit.RestToken(SingleObject).Token());
    }

    [Fact]
    public async Task POL_9_off_rejects_a_single_statement_object_with_500()
    {
        Expect.Rejected(await Kit.RestToken(SingleObject, behavior: """{"acceptSingleStatementObject": false}""").Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    private static readonly string LowerAllow = Outputs.Return(Outputs.Policy("allow", "*"));

    [Fact]
    public async Task POL_8_default_lower_case_effect_never_allows()
    {
        var result = await Kit.RestToken(LowerAllow).Token();
        Assert.NotEqual(200, result.Status);
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Fact]
    public async Task POL_8_case_insensitive_effect_allows()
    {
        Expect.Admitted(await Kit.RestToken(LowerAllow, behavior: """{"effectCaseSensitive": false}""").Token());
    }

    private static readonly string NotAction = Outputs.Return("""{"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]}}""");

    [Fact]
    public async Task POL_7_default_accepts_NotAction()
    {
        Expect.Admitted(await Kit.RestToken(NotAction).Token());
    }

    [Fact]
    public async Task POL_7_off_rejects_NotAction_with_500()
    {
        Expect.Rejected(await Kit.RestToken(NotAction, behavior: """{"acceptNotAction": false}""").Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    private static readonly string NoVersion = Outputs.Return("""{"principalId": "u", "policyDocument": {"Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}""");

    [Fact]
    public async Task POL_10_default_accepts_a_policy_without_Version()
    {
        Expect.Admitted(await Kit.RestToken(NoVersion).Token());
    }

    [Fact]
    public async Task POL_10_requirePolicyVersion_rejects_a_policy_without_Version()
    {
        Expect.Rejected(await Kit.RestToken(NoVersion, behavior: """{"requirePolicyVersion": true}""").Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    private static readonly string Conditional = Outputs.Return("""{"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}}""");

    [Fact]
    public async Task POL_6_default_evaluates_conditions()
    {
        Expect.Admitted(await Kit.RestToken(Conditional).Token());
    }

    [Fact]
    public async Task POL_6_rejectAsInvalid_makes_a_condition_a_500()
    {
        Expect.Rejected(await Kit.RestToken(Conditional, behavior: """{"conditions": "rejectAsInvalid"}""").Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    private static readonly string NullCondition = Outputs.Return("""{"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*", "Condition": null}]}}""");

    [Fact]
    public async Task POL_6_default_null_condition_is_a_500()
    {
        Expect.Rejected(await Kit.RestToken(NullCondition).Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Fact]
    public async Task POL_6_off_null_condition_is_treated_as_absent()
    {
        Expect.Admitted(await Kit.RestToken(NullCondition, behavior: """{"nullConditionIsInvalid": false}""").Token());
    }

    [Fact]
    public async Task UNA_3_default_lower_case_unauthorized_gives_500()
    {
        Expect.Rejected(await Kit.RestToken(Outputs.Error("unauthorized")).Token(), 500, FailureCodes.AuthorizerError);
    }

    [Fact]
    public async Task UNA_3_ignore_case_lower_case_unauthorized_gives_401()
    {
        Expect.Rejected(await Kit.RestToken(Outputs.Error("unauthorized"), behavior: """{"unauthorizedMatchIgnoresCase": true}""").Token(), 401, FailureCodes.AuthorizerUnauthorized);
    }

    [Fact]
    public async Task TOK_10_default_repeated_token_header_uses_the_last_value()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        var result = await kit.Send("GET", "/pets/1", ("Authorization", "first"), ("Authorization", "last"));
        Assert.Equal("last", Expect.Event(result).GetProperty("authorizationToken").GetString());
    }

    [Fact]
    public async Task TOK_10_first_uses_the_first_value()
    {
        var kit = Kit.RestToken(Outputs.AllowAll, behavior: """{"repeatedHeaderValue": "first"}""");
        var result = await kit.Send("GET", "/pets/1", ("Authorization", "first"), ("Authorization", "last"));
        Assert.Equal("first", Expect.Event(result).GetProperty("authorizationToken").GetString());
    }

    [Fact]
    public async Task CAC_9_default_ttl_counts_from_the_store_not_the_last_hit()
    {
        var kit = Kit.RestToken(Outputs.AllowAll, """, "resultTtlInSeconds": 10""");
        await kit.Token();
        kit.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.True((await kit.Token()).CacheHit);
        kit.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.False((await kit.Token()).CacheHit);
    }

    [Fact]
    public async Task CAC_9_sliding_expiry_restarts_the_ttl_on_each_hit()
    {
        var kit = Kit.RestToken(Outputs.AllowAll, """, "resultTtlInSeconds": 10""", """{"cacheExpirySlidesOnHit": true}""");
        await kit.Token();
        kit.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.True((await kit.Token()).CacheHit);
        kit.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.True((await kit.Token()).CacheHit);
    }

    private static readonly string LongResource = Outputs.Return(Outputs.Policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/" + new string('a', 500) + "*"));

    [Fact]
    public async Task ARN_5_default_resource_over_512_characters_gives_500()
    {
        Expect.Rejected(await Kit.RestToken(LongResource).Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Fact]
    public async Task ARN_5_off_long_resources_are_evaluated()
    {
        var result = await Kit.RestToken(LongResource, behavior: """{"enforceResourceArnLength": false}""").Token();
        Expect.Rejected(result, 403, FailureCodes.PolicyImplicitDeny);
    }

    [Fact]
    public async Task I_10_default_function_errors_use_AUTHORIZER_CONFIGURATION_ERROR()
    {
        var result = await Kit.RestToken(Outputs.Error("boom")).Token();
        Assert.Equal(GatewayResponseType.AuthorizerConfigurationError, result.ResponseType);
    }

    [Fact]
    public async Task I_10_functionErrorsUseAuthorizerFailure_switches_to_AUTHORIZER_FAILURE()
    {
        var result = await Kit.RestToken(Outputs.Error("boom"), behavior: """{"functionErrorsUseAuthorizerFailure": true}""").Token();
        Assert.Equal(GatewayResponseType.AuthorizerFailure, result.ResponseType);
        Assert.Equal(500, result.Status);
        Assert.Equal("AuthorizerFailureException", result.Headers["x-amzn-ErrorType"]);
    }

    private static readonly string StringContext = Outputs.Return(Outputs.Policy("Allow", "*", """, "context": "not-an-object" """));

    [Fact]
    public async Task OUT_6_default_non_object_context_gives_500()
    {
        Expect.Rejected(await Kit.RestToken(StringContext).Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Fact]
    public async Task OUT_6_off_non_object_context_is_ignored()
    {
        Expect.Admitted(await Kit.RestToken(StringContext, behavior: """{"nonObjectContextIsInvalid": false}""").Token());
    }

    [Fact]
    public void Every_profile_option_is_settable_by_name_and_unknown_names_are_errors()
    {
        Assert.Equal(26, Scenarios.GatewayBehaviorReader.Names.Count);
        var parsed = Scenarios.ScenarioParser.Parse("""{"api": {"type": "REST", "routes": [], "behavior": {"noSuchOption": true}}, "requests": []}""");
        Assert.Equal("api.behavior.noSuchOption", parsed.Error!.Path);
    }
}
