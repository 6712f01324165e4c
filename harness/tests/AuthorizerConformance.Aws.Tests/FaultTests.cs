using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Aws.Throttling;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>Every fault the fake injects: a clear, bounded outcome (retried when it should be, a named error when not).</summary>
public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();
        world.Fake.Inject(new FakeFault.Throttle(7));

        var stage = await client.GetStageAsync(World.ApiId, "prod", Ct);

        Assert.Equal("prod", stage.StageName);
        Assert.Equal([429, 200], world.Fake.Requests.Select(r => r.Status));
        Assert.True(world.Fake.Requests[1].ArrivedAt - world.Fake.Requests[0].ArrivedAt >= TimeSpan.FromSeconds(7));
        Assert.Contains(world.Log, l => l.Contains("429 TooManyRequestsException (Retry-After 7 s)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_server_fault_is_retried(int status)
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();
        world.Fake.Inject(new FakeFault.ServerError(status), times: 2);

        var authorizer = await client.GetAuthorizerAsync(World.ApiId, World.AuthorizerId, Ct);

        Assert.Equal("TOKEN", authorizer.Type);
        Assert.Equal([status, status, 200], world.Fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retry_budget_fails_naming_the_throttling()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { Retry = ApiGatewayRetryPolicy.Default with { MaxAttempts = 4 } });
        world.Fake.Inject(new FakeFault.Throttle(1), times: 4);

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetAuthorizersAsync(World.ApiId, cancellationToken: Ct));

        Assert.True(error.IsThrottling);
        Assert.Equal("TooManyRequestsException", error.ErrorType);
        Assert.Equal(4, error.Attempts);
        Assert.Contains("throttled", error.Message, StringComparison.Ordinal);
        Assert.Contains("retry budget is spent", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, world.Fake.Requests.Count);
    }

    [Fact]
    public async Task The_retry_budget_also_bounds_the_total_wait()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { Retry = ApiGatewayRetryPolicy.Default with { MaxTotalWait = TimeSpan.FromSeconds(10) } });
        world.Fake.Inject(new FakeFault.Throttle(6), times: 3);

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetStageAsync(World.ApiId, "prod", Ct));

        Assert.True(error.IsThrottling);
        Assert.Equal(2, error.Attempts); // 6 s waited; another 6 s would pass the 10 s budget
    }

    [Fact]
    public async Task A_lasting_server_fault_fails_with_its_status_after_the_budget()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { Retry = ApiGatewayRetryPolicy.Default with { MaxAttempts = 3 } });
        world.Fake.Inject(new FakeFault.ServerError(503), times: 3);

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetStageAsync(World.ApiId, "prod", Ct));

        Assert.Equal("ServiceUnavailableException", error.ErrorType);
        Assert.Contains("503 ServiceUnavailableException on all 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDenied_names_the_missing_IAM_action_and_resource_and_is_not_retried()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();
        world.Fake.Inject(new FakeFault.AccessDenied());

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.TestInvokeAuthorizerAsync(
            new TestInvokeAuthorizerRequest { RestApiId = World.ApiId, AuthorizerId = World.AuthorizerId }, Ct));

        Assert.Equal("AccessDeniedException", error.ErrorType);
        Assert.Contains("lacks the IAM permission apigateway:POST on arn:aws:apigateway:us-east-1::/restapis/abc123/authorizers/auth01", error.Message, StringComparison.Ordinal);
        Assert.Contains("User: arn:aws:iam::123456789012:user/conformance is not authorized", error.Message, StringComparison.Ordinal); // the body's "Message"
        Assert.Single(world.Fake.Requests);
    }

    [Fact]
    public async Task Expired_credentials_say_so_and_are_not_retried()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();
        world.Fake.Inject(new FakeFault.ExpiredToken());

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetRestApisAsync(cancellationToken: Ct));

        Assert.Equal("ExpiredTokenException", error.ErrorType);
        Assert.Contains("credentials have expired", error.Message, StringComparison.Ordinal);
        Assert.Single(world.Fake.Requests);
    }

    [Fact]
    public async Task A_slow_answer_within_the_timeout_is_waited_for()
    {
        await using var world = await World.StartAsync();
        // Real time here: the fake really is slow.
        using var client = world.Client(c => c with { TimeProvider = TimeProvider.System, Delay = null, Timeout = TimeSpan.FromSeconds(20) });
        world.Fake.Inject(new FakeFault.Slow(TimeSpan.FromMilliseconds(150)));

        var stage = await client.GetStageAsync(World.ApiId, "prod", Ct);

        Assert.Equal("prod", stage.StageName);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_is_a_named_timeout_not_a_hang()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { TimeProvider = TimeProvider.System, Delay = null, Timeout = TimeSpan.FromMilliseconds(200) });
        world.Fake.Inject(new FakeFault.Slow(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetStageAsync(World.ApiId, "prod", Ct));

        Assert.Equal(AmazonAPIGatewayException.TimeoutError, error.ErrorType);
        Assert.Contains("within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_fails_after_the_retries_naming_it()
    {
        Uri closed;
        await using (var gone = await World.StartAsync())
            closed = gone.Fake.Endpoint;
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { ServiceURL = closed.ToString(), Retry = ApiGatewayRetryPolicy.Default with { MaxAttempts = 3 } });

        var error = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetRestApisAsync(cancellationToken: Ct));

        Assert.Equal(AmazonAPIGatewayException.ConnectionError, error.ErrorType);
        Assert.Contains($"could not reach {closed.GetLeftPart(UriPartial.Authority)}", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, world.Log.Count(l => l.Contains("; retry ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_credential_token_or_secret_appears_in_any_log_line_or_error()
    {
        var credentials = new FakeCredentials("ASIASECRETSCAN", "secret-access-key-under-scan-0123456789", "session-token-under-scan");
        await using var world = await World.StartAsync(credentials);
        using var client = world.Client(c => c with { Retry = ApiGatewayRetryPolicy.Default with { MaxAttempts = 3 } },
            new Amazon.Runtime.SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        var token = World.ValidToken();
        var request = new TestInvokeAuthorizerRequest
        {
            RestApiId = World.ApiId, AuthorizerId = World.AuthorizerId, Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        };
        var texts = new List<string>();
        (FakeFault Fault, int Times)[] faults =
            [(new FakeFault.Throttle(1), 3), (new FakeFault.ServerError(500), 3), (new FakeFault.AccessDenied(), 1), (new FakeFault.ExpiredToken(), 1)];
        foreach (var (fault, times) in faults)
        {
            world.Fake.Inject(fault, times);
            texts.Add((await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.TestInvokeAuthorizerAsync(request, Ct))).ToString());
        }
        var answer = await client.TestInvokeAuthorizerAsync(request, Ct);
        texts.AddRange(world.Log);

        var all = World.Text(texts);
        Assert.Equal(0, answer.ClientStatus);
        Assert.Equal(4 + 4, world.Log.Count); // two retries and a give-up line for each retried fault, a give-up line for the others
        foreach (var secret in new[] { credentials.SecretAccessKey, credentials.SessionToken!, token, token.Split('.')[2] })
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
    }
}
