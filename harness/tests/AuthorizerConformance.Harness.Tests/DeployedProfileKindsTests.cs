using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>
/// The profile kinds of a deployed authorizer (issue 12): <c>test-invoke:</c> discovers the authorizer and its stage
/// through the fake control plane and runs scenarios through TestInvokeAuthorizer; <c>stage:</c> sends them to the fake
/// stage over HTTP. Tokens are signed with the user's secret, read from the variable <c>tokens.secret</c> names.
/// </summary>
public sealed class DeployedProfileKindsTests
{
    private const string SecretVariable = "AUTHZ_TEST_DEPLOYED_SECRET";
    private static readonly string Secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AuthorizerProfile Profile(string json) => AuthorizerProfileReader.Parse(json, "deployed.json", Path.GetTempPath()).OrThrow();

    private static string TestInvokeJson(string function = "test-invoke:abc123/auth01") => $$"""
        {"function": "{{function}}", "region": "us-east-1", "stage": "prod",
         "tokens": {"alg": "HS256", "secret": "env:{{SecretVariable}}", "issuer": "{{TokenDefaults.Standard.Issuer}}", "audience": "{{TokenDefaults.Standard.Audience}}"},
         "principalClaims": ["sub", "userId"], "context": "primitive-claims"}
        """;

    private static IAuthorizerFunction Reference(string type = "token") =>
        ReferenceFunctionFactory.Create(type, new Dictionary<string, string>
        {
            ["AUTH_TOKEN_SALT"] = Secret, ["AUTH_ISSUER"] = TokenDefaults.Standard.Issuer, ["AUTH_AUDIENCE"] = TokenDefaults.Standard.Audience,
        }, TimeProvider.System);

    private static async Task<FakeApiGatewayControlPlane> ControlPlaneAsync(bool logsResultBody = true) => await new FakeApiGatewayControlPlane([new FakeRestApi
    {
        Id = "abc123",
        Authorizers =
        [
            new FakeAuthorizer
            {
                Id = "auth01", ResultTtlInSeconds = 120, IdentityValidationExpression = "^Bearer .+$", Function = _ => Reference(), LogsResultBody = logsResultBody,
            },
            new FakeAuthorizer
            {
                Id = "req001", Type = "REQUEST", IdentitySource = "method.request.header.Authorization, method.request.querystring.v",
                Function = _ => Reference("request"),
            },
        ],
        Stages = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["prod"] = new Dictionary<string, string> { ["env"] = "prod" } },
    }]).StartAsync();

    private static AmazonAPIGatewayConfig Config(FakeApiGatewayControlPlane fake) => new()
    {
        RegionEndpoint = RegionEndpoint.USEast1, ServiceURL = fake.Endpoint.ToString(),
        Credentials = new BasicAWSCredentials(fake.Credentials.AccessKeyId, fake.Credentials.SecretAccessKey),
    };

    private static string ValidToken(RunKeys keys) =>
        TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UtcNow).Build(), "HS256", keys.Ring.For("HS256"));

    /// <summary>The scenarios' default REST API around the authorizer under test (what the steps build).</summary>
    private static StageSession Session(IConformanceTarget target)
    {
        var session = new StageSession(target, DateTimeOffset.UtcNow);
        var authorizer = new JsonObject
        {
            ["type"] = target.Profile.Types[0], ["identitySource"] = "method.request.header." + target.Profile.IdentitySource[0],
            ["function"] = new JsonObject { ["kind"] = StageSession.TargetKind },
        };
        if (target.Profile.ResultTtlInSeconds is { } ttl)
            authorizer["resultTtlInSeconds"] = ttl;
        session.Authorizers["A"] = authorizer;
        session.Api["routes"] = new JsonArray(new JsonObject { ["method"] = "ANY", ["resource"] = "/{proxy+}", ["authorizer"] = "A" });
        return session;
    }

    private static ClientRequest Get(string? credentials, string method = "GET") => new()
    {
        Method = method, Path = "/pets/1", Headers = credentials is null ? [] : [new("Authorization", credentials)],
    };

    [Fact]
    public void A_test_invoke_profile_reads_its_ids_region_stage_and_the_secret_s_variable_name()
    {
        var profile = Profile(TestInvokeJson());

        Assert.True(profile.IsDeployed);
        Assert.Equal(("us-east-1", "prod", SecretVariable), (profile.Region, profile.StageName, profile.Tokens.Secret));
        var target = Assert.IsType<TestInvokeTarget>(ProfileFunctionKinds.CreateTarget(profile, RunKeys.Create()));
        Assert.Equal(("abc123", "auth01"), (target.RestApiId, target.AuthorizerId));
        // The emulated gateway around the deployed function moves the scenario's clock: time passes for its cache.
        Assert.Equal([TargetCapability.GatewayEmulation, TargetCapability.PassingTime], target.Capabilities.Order(StringComparer.Ordinal));
        Assert.IsType<DeployedStageTarget>(ProfileFunctionKinds.CreateTarget(
            Profile("""{"function": "stage:https://abc123.execute-api.us-east-1.amazonaws.com/prod", "tokens": {"alg": "HS256", "secret": "env:S"}}"""),
            RunKeys.Create()));
    }

    [Theory]
    [InlineData("""{"function": "test-invoke:abc123", "tokens": {"alg": "HS256", "secret": "env:S"}}""", "$.function", "<restApiId>/<authorizerId>")]
    [InlineData("""{"function": "test-invoke:abc123/x y", "tokens": {"alg": "HS256", "secret": "env:S"}}""", "$.function", "<restApiId>/<authorizerId>")]
    [InlineData("""{"function": "stage:ftp://example.com/prod", "tokens": {"alg": "HS256", "secret": "env:S"}}""", "$.function", "invoke URL")]
    [InlineData("""{"function": "stage:https://example.com/prod?x=1", "tokens": {"alg": "HS256", "secret": "env:S"}}""", "$.function", "without a query")]
    [InlineData("""{"function": "test-invoke:a/b", "tokens": {"alg": "HS256", "secret": "hunter2-pasted-secret"}}""", "$.tokens.secret", "env:NAME")]
    [InlineData("""{"function": "test-invoke:a/b", "tokens": {"alg": "HS256", "secretEnv": "S"}}""", "$.tokens.secretEnv", "keeps its own configuration")]
    [InlineData("""{"function": "test-invoke:a/b", "tokens": {"alg": "HS256"}}""", "$.tokens", "needs \"secret\"")]
    [InlineData("""{"function": "test-invoke:a/b", "tokens": {"alg": "RS256", "secret": "env:S"}}""", "$.tokens", "needs \"privateKey\"")]
    [InlineData("""{"function": "test-invoke:a/b", "environment": {"A": "b"}, "tokens": {"alg": "HS256", "secret": "env:S"}}""", "$.environment", "keeps its own configuration")]
    [InlineData("""{"function": "node:auth.mjs#handler", "tokens": {"alg": "HS256", "secretEnv": "S", "secret": "env:S"}}""", "$.tokens.secret", "deployed authorizers")]
    [InlineData("""{"function": "node:auth.mjs#handler", "region": "us-east-1", "tokens": {"alg": "HS256", "secretEnv": "S"}}""", "$.region", "test-invoke:")]
    [InlineData("""{"function": "stage:https://example.com/prod", "stage": "prod", "tokens": {"alg": "HS256", "secret": "env:S"}}""", "$.stage", "test-invoke:")]
    [InlineData("""{"function": "test-invoke:a/b", "region": "us east", "tokens": {"alg": "HS256", "secret": "env:S"}}""", "$.region", "letters, digits")]
    public void A_malformed_deployed_profile_is_refused_at_its_JSON_path(string json, string path, string fragment)
    {
        var result = AuthorizerProfileReader.Parse(json, "deployed.json", Path.GetTempPath());

        var error = Assert.Single(result.Errors, e => e.Path == path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Join("\n", result.Errors.Select(e => e.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void The_run_signs_with_the_user_s_secret_read_from_the_named_variable_and_never_quotes_it()
    {
        var profile = Profile(TestInvokeJson());

        using var keys = RunKeys.For(profile, name => name == SecretVariable ? Secret : null);
        var missing = Assert.Throws<ProfileException>(() => RunKeys.For(profile, _ => null));
        var notPem = Assert.Throws<ProfileException>(() => RunKeys.For(
            Profile("""{"function": "test-invoke:a/b", "tokens": {"alg": "RS256", "privateKey": "env:K"}}"""), _ => "not-a-key-hunter2"));

        Assert.Equal(Secret, keys.Secret);
        Assert.Contains(Secret, keys.Secrets);
        Assert.Contains(SecretVariable + " is not set", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", notPem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_invoke_discovers_the_authorizer_and_stage_and_judges_the_deployed_function()
    {
        await using var fake = await ControlPlaneAsync();
        using var keys = RunKeys.For(Profile(TestInvokeJson()), _ => Secret);
        using var target = new TestInvokeTarget(Profile(TestInvokeJson()), Config(fake));

        Assert.Equal([AuthorizerProfileType.Token], target.Profile.Types);
        Assert.Equal(["Authorization"], target.Profile.IdentitySource);
        Assert.Equal(("^Bearer .+$", 120), (target.Profile.ValidationExpression, target.Profile.ResultTtlInSeconds));
        Assert.Equal("prod", target.StageVariables["env"]);
        var session = Session(target);
        var allowed = await session.SendAsync(Get("Bearer " + ValidToken(keys)), Ct);
        var forged = await session.SendAsync(Get("Bearer " + TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UtcNow).Build(), "HS256", keys.ForeignHmac)), Ct);

        Assert.Equal((200, true), (allowed.Status, allowed.Integration.Invoked));
        Assert.Equal((401, FailureCodes.AuthorizerUnauthorized), (forged.Status, forged.Failure));
        Assert.Contains(fake.Requests, r => r.Method == "POST" && r.Path == "/restapis/abc123/authorizers/auth01");
        Assert.NotNull(target.CannotObserve(TargetObservation.AuthorizerEvent));
        Assert.Null(target.CannotObserve(TargetObservation.GatewayDecision));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Without_the_result_line_in_the_execution_log_the_scenario_cannot_see_the_context_and_says_why(bool logsResultBody)
    {
        await using var fake = await ControlPlaneAsync(logsResultBody);
        using var keys = RunKeys.For(Profile(TestInvokeJson()), _ => Secret);
        using var target = new TestInvokeTarget(Profile(TestInvokeJson()), Config(fake));
        var session = Session(target);

        var allowed = await session.SendAsync(Get("Bearer " + ValidToken(keys)), Ct);

        // Allowed either way: the principal and policy come with the answer; only the context needs the logged output.
        Assert.Equal((200, true), (allowed.Status, allowed.Integration.Invoked));
        Assert.Contains("user-123", allowed.Integration.RequestContext, StringComparison.Ordinal);
        Assert.Null(target.CannotObserve(TargetObservation.BackendRequest));
        foreach (var observation in new[] { TargetObservation.BackendRequest, TargetObservation.AuthorizerOutput })
        {
            var reason = session.CannotObserve(observation);
            if (logsResultBody)
                Assert.Null(reason);
            else
                Assert.Equal(TestInvokeAuthorizerFunction.NoResultLine, reason);
        }
        Assert.Null(session.CannotObserve(TargetObservation.GatewayDecision));
        Assert.NotNull(session.CannotObserve(TargetObservation.AuthorizerEvent));
    }

    [Fact]
    public async Task Test_invoke_discovers_a_REQUEST_authorizer_s_identity_sources()
    {
        await using var fake = await ControlPlaneAsync();
        using var target = new TestInvokeTarget(Profile(TestInvokeJson("test-invoke:abc123/req001")), Config(fake));

        Assert.Equal([AuthorizerProfileType.Request], target.Profile.Types);
        Assert.Equal(["Authorization", "method.request.querystring.v"], target.Profile.IdentitySource);
        Assert.Null(target.Profile.ValidationExpression);
    }

    [Fact]
    public async Task A_discovery_failure_names_the_missing_permission_and_fails_every_use()
    {
        await using var fake = await ControlPlaneAsync();
        fake.Inject(new FakeFault.AccessDenied());
        using var target = new TestInvokeTarget(Profile(TestInvokeJson()), Config(fake));

        var first = Assert.Throws<DeployedStageException>(() => target.Profile);
        var again = Assert.Throws<DeployedStageException>(() => target.Profile);

        Assert.Contains("apigateway:GET", first.Message, StringComparison.Ordinal);
        Assert.Same(first, again);
    }

    [Fact]
    public async Task Without_keys_the_scenario_is_not_applicable_to_a_deployed_authorizer()
    {
        await using var fake = await ControlPlaneAsync();
        using var target = new TestInvokeTarget(Profile(TestInvokeJson()), Config(fake));
        var authorizer = ScenarioParser.Parse("""
            {"api": {"type": "REST", "routes": []}, "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "target"}}}, "requests": []}
            """).Scenario!.Authorizers[0];

        var e = Assert.Throws<ScenarioNotApplicableException>(() => target.CreateFunction(
            new TargetFunctionRequest(authorizer, ApiType.Rest, new Dictionary<string, string>(), WithoutKeys: true, TimeProvider.System, TextWriter.Null)));

        Assert.Contains("UNA-2", e.Message, StringComparison.Ordinal);
    }

    private static async Task<FakeStage> FakeStageAsync()
    {
        var scenario = ScenarioParser.Parse("""
            {"api": {"type": "REST", "stage": "prod", "routes": [{"method": "ANY", "resource": "/{proxy+}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "reference"}}},
             "requests": []}
            """).Scenario!;
        return await new FakeStage(new ApiGateway(scenario.Api, scenario.Authorizers, _ => Reference(), TimeProvider.System), "prod").StartAsync();
    }

    [Fact]
    public async Task Stage_sends_real_HTTP_and_sees_the_client_s_answer_only()
    {
        await using var fake = await FakeStageAsync();
        using var keys = RunKeys.For(Profile(TestInvokeJson()), _ => Secret);
        using var target = new DeployedStageTarget(Profile($$"""{"function": "stage:{{fake.Url}}", "tokens": {"alg": "HS256", "secret": "env:S"} }"""));
        var session = new StageSession(target, DateTimeOffset.UtcNow);

        var allowed = await session.SendAsync(Get("Bearer " + ValidToken(keys)), Ct);
        var refused = await session.SendAsync(Get(null), Ct);

        Assert.Equal((200, true), (allowed.Status, allowed.Integration.Invoked));
        Assert.Equal((401, false, "{\"message\":\"Unauthorized\"}"), (refused.Status, refused.Integration.Invoked, refused.Body));
        Assert.Equal("UnauthorizedException", refused.Headers["x-amzn-ErrorType"]);
        Assert.Equal(2, fake.Results.Count);
        Assert.True(session.Started);
        Assert.All(TargetObservation.All, o => Assert.NotNull(target.CannotObserve(o)));
        Assert.Throws<ScenarioNotApplicableException>(() => target.CreateFunction(null!));
    }

    [Fact]
    public async Task Stage_waits_in_real_time_only_when_slow_waits_are_allowed()
    {
        var waited = new List<TimeSpan>();
        var profile = Profile("""{"function": "stage:http://127.0.0.1:9/prod", "tokens": {"alg": "HS256", "secret": "env:S"}}""");
        using var strict = new DeployedStageTarget(profile, allowSlow: false);
        using var slow = new DeployedStageTarget(profile, allowSlow: true, delay: (d, _) => { waited.Add(d); return Task.CompletedTask; });

        var refused = await Assert.ThrowsAsync<ScenarioNotApplicableException>(() => new StageSession(strict, DateTimeOffset.UtcNow).AdvanceAsync(TimeSpan.FromSeconds(301), Ct));
        await new StageSession(slow, DateTimeOffset.UtcNow).AdvanceAsync(TimeSpan.FromSeconds(301), Ct);

        Assert.Contains(DeployedStageTarget.AllowSlowVariable, refused.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(301)], waited);
    }

    [Fact]
    public void Stage_lets_time_pass_only_when_slow_waits_are_allowed_and_the_skip_says_how_to_allow_them()
    {
        var profile = Profile("""{"function": "stage:http://127.0.0.1:9/prod", "tokens": {"alg": "HS256", "secret": "env:S"}}""");
        using var strict = new DeployedStageTarget(profile, allowSlow: false);
        using var slow = new DeployedStageTarget(profile, allowSlow: true);

        Assert.Empty(strict.Capabilities);
        Assert.Equal([TargetCapability.PassingTime], slow.Capabilities);
        var reason = ConformanceTargets.SkipReason(strict, [TargetCapability.PassingTime]);
        Assert.NotNull(reason);
        Assert.Contains("lacks passing-time", reason, StringComparison.Ordinal);
        Assert.Contains("AUTHZ_ALLOW_SLOW=1", reason, StringComparison.Ordinal);
        Assert.Contains("--allow-slow", reason, StringComparison.Ordinal);
        Assert.Null(ConformanceTargets.SkipReason(slow, [TargetCapability.PassingTime]));
        // Slow waits give a stage no emulated gateway: scenarios that need one are still skipped, without the advice.
        Assert.Equal("The target 'deployed' lacks gateway-emulation (needed by this scenario).",
            ConformanceTargets.SkipReason(slow, [TargetCapability.GatewayEmulation, TargetCapability.PassingTime]));
        Assert.Equal("The target 'deployed' lacks gateway-emulation, passing-time (needed by this scenario).",
            ConformanceTargets.SkipReason(strict, [TargetCapability.GatewayEmulation, TargetCapability.PassingTime]));
    }

    [Fact]
    public async Task An_unreachable_stage_fails_the_request_with_the_URL_and_never_passes_it()
    {
        using var target = new DeployedStageTarget(Profile("""{"function": "stage:http://127.0.0.1:9/prod", "tokens": {"alg": "HS256", "secret": "env:S"}}"""));

        var e = await Assert.ThrowsAsync<DeployedStageException>(() => target.SendAsync(Get(null), Ct));

        Assert.Contains("http://127.0.0.1:9/prod/pets/1", e.Message, StringComparison.Ordinal);
    }
}
