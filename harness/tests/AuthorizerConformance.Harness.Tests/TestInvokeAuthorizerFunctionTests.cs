using System.Text;
using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>
/// A deployed authorizer through TestInvokeAuthorizer (the fake control plane running real functions) behind the
/// emulated stage: the policy is judged against the scenario's real method ARN, so a Deny is a 403 as on the stage.
/// </summary>
public sealed class TestInvokeAuthorizerFunctionTests
{
    private static readonly string Secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IAuthorizerFunction Returning(string json) =>
        new InProcessAuthorizerFunction(_ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(json))), TimeProvider.System);

    private static IAuthorizerFunction Echoing(Func<string, string> output) =>
        new InProcessAuthorizerFunction(async input =>
        {
            using var reader = new StreamReader(input);
            var e = System.Text.Json.JsonDocument.Parse(await reader.ReadToEndAsync());
            return new MemoryStream(Encoding.UTF8.GetBytes(output(e.RootElement.GetProperty("methodArn").GetString()!)));
        }, TimeProvider.System);

    private static async Task<(FakeApiGatewayControlPlane Fake, AmazonAPIGatewayClient Client)> StartAsync()
    {
        FakeAuthorizer Authorizer(string id, Func<IAuthorizerFunction> function) => new() { Id = id, Function = _ => function() };
        var fake = await new FakeApiGatewayControlPlane([new FakeRestApi
        {
            Id = "abc123",
            Authorizers =
            [
                Authorizer("ref001", () => ReferenceFunctionFactory.Create("token", new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = Secret }, TimeProvider.System)),
                Authorizer("deny01", () => Returning("""{"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"execute-api:Invoke","Resource":"*"}]}}""")),
                Authorizer("scoped", () => Echoing(arn => $$$"""{"principalId":"u","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{{arn}}}"}]},"context":{"tier":"gold"}}""")),
                Authorizer("broken", () => new InProcessAuthorizerFunction(_ => throw new InvalidOperationException("no config"), TimeProvider.System)),
            ],
        }], accountId: "999999999999").StartAsync();
        var client = new AmazonAPIGatewayClient(new AmazonAPIGatewayConfig
        {
            RegionEndpoint = RegionEndpoint.USEast1, ServiceURL = fake.Endpoint.ToString(),
            Credentials = new BasicAWSCredentials(fake.Credentials.AccessKeyId, fake.Credentials.SecretAccessKey),
        });
        return (fake, client);
    }

    private static ApiGateway Stage(AmazonAPIGatewayClient client, string authorizerId, int ttl = 0)
    {
        var scenario = ScenarioParser.Parse($$$$"""
            {"api": {"type": "REST", "apiId": "abc123", "stage": "prod",
                     "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}, {"method": "DELETE", "resource": "/pets/{id}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": {{{{ttl}}}}, "function": {"kind": "test-invoke"}}},
             "requests": []}
            """).Scenario!;
        return new ApiGateway(scenario.Api, scenario.Authorizers,
            _ => new TestInvokeAuthorizerFunction(client, "abc123", authorizerId, "Authorization", new Dictionary<string, string>()), TimeProvider.System);
    }

    private static ClientRequest Get(string? token, string method = "GET") => new()
    {
        Method = method, Path = "/pets/1", Headers = token is null ? [] : [new("Authorization", token)],
    };

    [Fact]
    public async Task A_valid_token_is_allowed_with_the_test_invoke_stage_rewritten_to_the_real_one()
    {
        var (fake, client) = await StartAsync();
        await using var _ = fake;
        using var __ = client;
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UtcNow).Build(), "HS256", SigningKey.Hmac(Secret));

        var result = await Stage(client, "ref001").HandleAsync(Get("Bearer " + token), Ct);

        Assert.Equal(200, result.Status);
        Assert.Equal(Policy.PolicyDecision.Allow, result.Decision);
    }

    [Fact]
    public async Task Refusals_are_401_locally_or_through_the_test_invoke()
    {
        var (fake, client) = await StartAsync();
        await using var _ = fake;
        using var __ = client;
        var stage = Stage(client, "ref001");

        var missing = await stage.HandleAsync(Get(null), Ct);
        var bad = await stage.HandleAsync(Get("Bearer not.a.token"), Ct);

        Assert.Equal((401, false), (missing.Status, missing.AuthorizerInvoked));
        Assert.Equal((401, FailureCodes.AuthorizerUnauthorized), (bad.Status, bad.Failure));
        Assert.Single(fake.Requests); // the missing identity never reached AWS
    }

    [Fact]
    public async Task A_Deny_is_403_as_on_the_stage_and_a_failing_function_500()
    {
        var (fake, client) = await StartAsync();
        await using var _ = fake;
        using var __ = client;

        var deny = await Stage(client, "deny01").HandleAsync(Get("x"), Ct);
        var broken = await Stage(client, "broken").HandleAsync(Get("x"), Ct);

        Assert.Equal((403, FailureCodes.PolicyExplicitDeny), (deny.Status, deny.Failure));
        Assert.Equal((500, FailureCodes.AuthorizerError), (broken.Status, broken.Failure));
    }

    [Fact]
    public async Task A_methodArn_scoped_policy_is_judged_on_the_real_ARN_and_its_context_recovered_from_the_log()
    {
        var (fake, client) = await StartAsync();
        await using var _ = fake;
        using var __ = client;
        var stage = Stage(client, "scoped", ttl: 300);

        var first = await stage.HandleAsync(Get("x"), Ct);
        var next = await stage.HandleAsync(Get("x", "DELETE"), Ct);

        Assert.Equal(200, first.Status);
        Assert.Contains("\"tier\":\"gold\"", first.Integration.RequestContext, StringComparison.Ordinal);
        Assert.Equal((403, true), (next.Status, next.CacheHit)); // CAC-4, exactly as the stage answers
    }

    [Fact]
    public async Task An_AWS_failure_fails_the_request_and_never_passes_it()
    {
        var (fake, client) = await StartAsync();
        await using var _ = fake;
        using var __ = client;
        fake.Inject(new FakeFault.AccessDenied());

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(async () => await Stage(client, "ref001").HandleAsync(Get("x"), Ct));

        Assert.Contains("apigateway:POST", error.Message, StringComparison.Ordinal);
    }
}
