namespace AuthorizerConformance.Gateway.Tests;

public class CacheTests
{
    [Fact]
    public async Task CAC_1_ttl_0_disables_the_cache()
    {
        var kit = Kit.RestToken(Outputs.AllowAll, """, "resultTtlInSeconds": 0""");
        await kit.Token();
        var second = await kit.Token();
        Assert.False(second.CacheHit);
        Assert.Equal(2, kit.Invocations());
    }

    [Fact]
    public async Task CAC_1_ttl_3600_is_the_maximum_and_holds_for_an_hour()
    {
        var kit = Kit.RestToken(Outputs.AllowAll, """, "resultTtlInSeconds": 3600""");
        await kit.Token();
        kit.Time.Advance(TimeSpan.FromSeconds(3599));
        Assert.True((await kit.Token()).CacheHit);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await kit.Token()).CacheHit);
    }

    [Fact]
    public async Task CAC_2_token_cache_key_is_the_token_value()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        await kit.Token(token: "t1");
        Assert.True((await kit.Token(token: "t1")).CacheHit);
        Assert.False((await kit.Token(token: "t2")).CacheHit);
        Assert.Equal(2, kit.Invocations());
    }

    [Fact]
    public async Task CAC_3_cache_hit_reevaluates_the_cached_policy_and_does_not_invoke()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        var first = await kit.Token();
        var hit = await kit.Token("POST", "/pets");
        Assert.True(first.AuthorizerInvoked);
        Assert.False(hit.AuthorizerInvoked);
        Assert.True(hit.CacheHit);
        Assert.Null(hit.Event);
        Assert.Equal(Policy.PolicyDecision.Allow, hit.Decision);
        Expect.Admitted(hit);
        Assert.Equal("user-1", Expect.Context(hit).GetProperty("authorizer").GetProperty("principalId").GetString());
    }

    [Fact]
    public async Task CAC_4_policy_for_one_method_arn_gives_403_on_another_method_within_the_ttl()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        Expect.Admitted(await kit.Token("GET", "/pets/42"));
        var other = await kit.Token("POST", "/pets");
        Expect.Rejected(other, 403, FailureCodes.PolicyImplicitDeny);
        Assert.True(other.CacheHit);
        Assert.Equal("""{"Message":"User is not authorized to access this resource"}""", other.Body);
        Assert.Equal(1, kit.Invocations());
    }

    [Fact]
    public async Task CAC_4_after_the_ttl_the_authorizer_is_invoked_again_and_allows()
    {
        var kit = Kit.RestToken(Outputs.AllowIncoming);
        await kit.Token("GET", "/pets/42");
        kit.Time.Advance(TimeSpan.FromSeconds(300));
        Expect.Admitted(await kit.Token("POST", "/pets"));
        Assert.Equal(2, kit.Invocations());
    }

    [Fact]
    public async Task CAC_5_the_cache_is_shared_by_all_methods_using_the_authorizer()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        await kit.Token("GET", "/pets/1");
        Assert.True((await kit.Token("GET", "/")).CacheHit);
        Assert.True((await kit.Token("POST", "/pets")).CacheHit);
    }

    [Fact]
    public async Task CAC_7_function_errors_are_not_cached()
    {
        var kit = Kit.RestToken("""[{"error": "boom"}, {"return": {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}}]""");
        Expect.Rejected(await kit.Token(), 500, FailureCodes.AuthorizerError);
        Expect.Admitted(await kit.Token());
        Assert.Equal(2, kit.Invocations());
    }

    [Fact]
    public async Task CAC_7_explicit_deny_policies_are_cached_like_any_policy()
    {
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Deny", "*")));
        await kit.Token();
        var second = await kit.Token();
        Expect.Rejected(second, 403, FailureCodes.PolicyExplicitDeny);
        Assert.True(second.CacheHit);
        Assert.Equal(1, kit.Invocations());
    }

    [Fact]
    public async Task CAC_8_missing_identity_never_consults_the_cache()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        await kit.Token();
        var missing = await kit.Send("GET", "/pets/1");
        Expect.Rejected(missing, 401, FailureCodes.IdentitySourceMissing);
        Assert.False(missing.CacheHit);
    }
}
