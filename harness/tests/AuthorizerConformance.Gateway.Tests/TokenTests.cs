namespace AuthorizerConformance.Gateway.Tests;

public class TokenTests
{
    [Fact]
    public async Task TOK_3_default_ttl_is_300_seconds()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        Assert.Equal(300, kit.Scenario.Authorizers[0].ResultTtlInSeconds);
        await kit.Token();
        kit.Time.Advance(TimeSpan.FromSeconds(299));
        Assert.True((await kit.Token()).CacheHit);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await kit.Token()).CacheHit);
        Assert.Equal(2, kit.Invocations());
    }

    [Fact]
    public async Task TOK_4_header_name_matches_case_insensitively()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Send("GET", "/pets/1", ("aUtHoRiZaTiOn", "Bearer x"));
        Expect.Admitted(result);
    }

    [Fact]
    public async Task TOK_5_entire_raw_header_value_is_the_token_with_bearer_prefix_kept()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Token(token: "Bearer  abc.def ");
        Assert.Equal("Bearer  abc.def ", Expect.Event(result).GetProperty("authorizationToken").GetString());
    }

    [Fact]
    public async Task TOK_6_missing_header_gives_401_without_invoking()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Send("GET", "/pets/1");
        Expect.Rejected(result, 401, FailureCodes.IdentitySourceMissing);
        Assert.Equal("""{"message":"Unauthorized"}""", result.Body);
        Assert.False(result.AuthorizerInvoked);
        Assert.Null(result.Event);
        Assert.Equal(0, kit.Invocations());
    }

    [Fact]
    public async Task TOK_6_empty_header_gives_401_without_invoking()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Token(token: "");
        Expect.Rejected(result, 401, FailureCodes.IdentitySourceMissing);
        Assert.Equal(0, kit.Invocations());
    }

    [Fact]
    public async Task TOK_7_token_failing_the_validation_expression_gives_401_without_invoking()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming, """, "identityValidationExpression": "^Bearer [a-z]+$" """);
        var result = await kit.Token(token: "Basic abc");
        Expect.Rejected(result, 401, FailureCodes.ValidationExpressionMismatch);
        Assert.Equal("""{"message":"Unauthorized"}""", result.Body);
        Assert.Equal(0, kit.Invocations());
        Expect.Admitted(await kit.Token(token: "Bearer abc"));
    }

    [Fact]
    public async Task TOK_9_validation_runs_before_the_cache_so_an_invalid_token_never_hits_it()
    {
        var kit = Kit.RestToken(Outputs.AllowAll, """, "identityValidationExpression": "^Bearer .+$" """);
        Expect.Admitted(await kit.Token(token: "Bearer ok"));
        var second = await kit.Token(token: "bad");
        Expect.Rejected(second, 401, FailureCodes.ValidationExpressionMismatch);
        Assert.False(second.CacheHit);
        Assert.Equal(1, kit.Invocations());
    }

    [Fact]
    public async Task TOK_11_token_event_has_exactly_type_authorizationToken_and_methodArn()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        var result = await kit.Send(new ClientRequest
        {
            Method = "GET", Path = "/pets/1", Query = "q=1", Body = "secret body",
            Headers = [new("Authorization", "Bearer t"), new("X-Other", "o")],
        });
        var e = Expect.Event(result);
        Assert.Equal(["type", "authorizationToken", "methodArn"], Expect.Names(e));
        Assert.Equal("TOKEN", e.GetProperty("type").GetString());
    }

    [Fact]
    public async Task TOK_12_timeout_gives_500_configuration_error()
    {
        var kit = Kit.RestToken(Outputs.Timeout);
        var result = await kit.Token();
        Expect.Rejected(result, 500, FailureCodes.AuthorizerTimeout);
        Assert.Equal("""{"message":null}""", result.Body);
        Assert.Equal("AuthorizerConfigurationException", result.Headers["x-amzn-ErrorType"]);
        Assert.True(result.AuthorizerInvoked);
    }

    [Fact]
    public async Task TOK_12_the_authorizer_timeout_setting_reaches_the_function()
    {
        TimeSpan? seen = null;
        var kit = Kit.Of(
            """{"type": "REST", "routes": [{"method": "GET", "resource": "/x", "authorizer": "A"}]}""",
            """{"A": {"type": "TOKEN", "identitySource": "method.request.header.A", "timeoutSeconds": 3, "function": {"kind": "scripted", "outcomes": [{"timeout": true}]}}}""",
            (_, _) => new RecordingFunction(t => seen = t));
        await kit.Send("GET", "/x", ("A", "t"));
        Assert.Equal(TimeSpan.FromSeconds(3), seen);
    }

    private sealed class RecordingFunction(Action<TimeSpan> record) : IAuthorizerFunction
    {
        public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
        {
            record(timeout);
            return ValueTask.FromResult<AuthorizerInvocation>(new AuthorizerInvocation.TimedOut(timeout));
        }
    }
}
