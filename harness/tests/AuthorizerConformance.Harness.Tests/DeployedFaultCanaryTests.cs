using System.Diagnostics;
using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Aws.Throttling;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Canaries;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>
/// Issue 13, fault injection for the deployed target with canary credentials, through the <c>test-invoke:</c> target's
/// adapter, <see cref="TestInvokeAuthorizerFunction"/>, behind the emulated stage (DeployedFaultTests goes through the
/// whole target and StageSession): every fault the fake control plane injects, lasting longer than the retry budget, ends the request with
/// an error naming the fault, within a bound, never a pass. The client signs with canary AWS credentials and the request
/// carries a canary-signed token: neither appears in any error or log line, including AWS's own signature-mismatch text,
/// which quotes the session token.
/// </summary>
public sealed class DeployedFaultCanaryTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly SecretCanaries _canaries = SecretCanaries.Create();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _canaries.Dispose();

    public static TheoryData<string> Faults() =>
        ["429 storm", "503 storm", "connection resets", "expired credentials", "not API Gateway", "hang", "wrong secret key"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_lasting_fault_fails_the_scenario_naming_it_within_a_bound_and_shows_no_canary(string fault)
    {
        var credentials = new FakeCredentials(_canaries.AccessKeyId, _canaries.SecretAccessKey, _canaries.SessionToken);
        using var keys = RunKeys.FromFile(_canaries.KeysFile);
        await using var fake = await new FakeApiGatewayControlPlane([new FakeRestApi
        {
            Id = "abc123",
            Authorizers = [new FakeAuthorizer { Id = "ref001", Function = _ => ReferenceFunctionFactory.Create("token", new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = keys.Secret }, TimeProvider.System) }],
        }], credentials: credentials).StartAsync();
        var expected = Inject(fake, fault);
        var log = new List<string>();
        using var client = new AmazonAPIGatewayClient(new AmazonAPIGatewayConfig
        {
            RegionEndpoint = RegionEndpoint.USEast1, ServiceURL = fake.Endpoint.ToString(),
            Credentials = new SessionAWSCredentials(credentials.AccessKeyId, fault == "wrong secret key" ? "canarySAK-wrong-" + credentials.SecretAccessKey : credentials.SecretAccessKey, credentials.SessionToken),
            Retry = ApiGatewayRetryPolicy.Default with { MaxAttempts = 3 },
            Timeout = TimeSpan.FromMilliseconds(fault == "hang" ? 500 : 10_000),
            Delay = (_, _) => Task.CompletedTask, // the backoff is counted, not waited
            Log = line =>
            {
                lock (log)
                    log.Add(line);
            },
        });
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UtcNow).Build(), "HS256", keys.Ring.Hmac);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(async () =>
            await Stage(client).HandleAsync(new ClientRequest { Method = "GET", Path = "/pets/1", Headers = [new("Authorization", "Bearer " + token)] }, Ct));

        Assert.True(clock.Elapsed < Bound, $"{fault} took {clock.Elapsed}");
        Assert.Equal(expected.Type, error.ErrorType);
        Assert.Contains(expected.Named, error.Message, StringComparison.Ordinal);
        var texts = new[] { error.ToString() }.Concat(log);
        Assert.Empty(texts.SelectMany(t => _canaries.Find(fault, t, [token])));
        if (fault == "wrong secret key")
            Assert.Contains("[REDACTED]", error.Message, StringComparison.Ordinal); // AWS's text quoted the session token
    }

    [Fact]
    public async Task A_signature_error_on_a_short_request_quotes_no_credential()
    {
        var credentials = new FakeCredentials(_canaries.AccessKeyId, _canaries.SecretAccessKey, _canaries.SessionToken);
        await using var fake = await new FakeApiGatewayControlPlane([], credentials: credentials).StartAsync();
        using var client = new AmazonAPIGatewayClient(new AmazonAPIGatewayConfig
        {
            RegionEndpoint = RegionEndpoint.USEast1, ServiceURL = fake.Endpoint.ToString(),
            Credentials = new SessionAWSCredentials(credentials.AccessKeyId, "wrong" + credentials.SecretAccessKey, credentials.SessionToken),
        });

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetRestApisAsync(cancellationToken: Ct));

        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Empty(_canaries.Find("error", error.ToString()));
        Assert.Contains("x-amz-security-token:[REDACTED]", error.Message, StringComparison.Ordinal); // AWS's text quoted it
    }

    private static (string Type, string Named) Inject(FakeApiGatewayControlPlane fake, string fault)
    {
        switch (fault)
        {
            case "429 storm":
                fake.Inject(new FakeFault.Throttle(1), times: 50);
                return ("TooManyRequestsException", "throttled");
            case "503 storm":
                fake.Inject(new FakeFault.ServerError(503), times: 50);
                return ("ServiceUnavailableException", "503 ServiceUnavailableException on all 3 attempts");
            case "connection resets":
                fake.Inject(new FakeFault.ConnectionReset(), times: 50);
                return (AmazonAPIGatewayException.ConnectionError, "could not reach");
            case "expired credentials":
                fake.Inject(new FakeFault.ExpiredToken());
                return ("ExpiredTokenException", "credentials have expired");
            case "not API Gateway":
                fake.Inject(new FakeFault.Garbage());
                return (AmazonAPIGatewayException.MalformedAnswerError, "is the endpoint API Gateway?");
            case "hang":
                fake.Inject(new FakeFault.Slow(TimeSpan.FromMinutes(5)));
                return (AmazonAPIGatewayException.TimeoutError, "within 0.5 s");
            case "wrong secret key":
                return ("InvalidSignatureException", "signature we calculated does not match");
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static ApiGateway Stage(AmazonAPIGatewayClient client)
    {
        var scenario = ScenarioParser.Parse("""
            {"api": {"type": "REST", "apiId": "abc123", "stage": "prod", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "test-invoke"}}},
             "requests": []}
            """).Scenario!;
        return new ApiGateway(scenario.Api, scenario.Authorizers,
            _ => new TestInvokeAuthorizerFunction(client, "abc123", "ref001", "Authorization", new Dictionary<string, string>()), TimeProvider.System);
    }
}
