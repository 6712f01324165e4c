using System.Text.Json.Nodes;

namespace AuthorizerConformance.Authorizer.Tests;

public class ValidationTests
{
    [Theory]
    [InlineData(-59, true)]
    [InlineData(-60, false)]
    public async Task An_expired_token_is_accepted_only_within_the_clock_skew(int expiredSecondsAgo, bool allowed)
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var token = TestAuthorizer.Mint(claims: c => c.IssuedAt(SharedKeys.Now.AddMinutes(-10)).ExpiresAt(SharedKeys.Now.AddSeconds(expiredSecondsAgo)));

        var outcome = await authorizer.TokenAsync(token);

        Assert.Equal(allowed, outcome.Response is not null);
        if (!allowed)
            Assert.Equal("jwt-expired", outcome.Reason);
    }

    [Fact]
    public async Task Time_comes_from_the_injected_clock()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var token = TestAuthorizer.Mint();

        (await authorizer.TokenAsync(token)).AssertAllowed();
        authorizer.Time.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal("jwt-expired", (await authorizer.TokenAsync(token)).Reason);
    }

    [Fact]
    public async Task Exp_is_optional_by_default_for_seed_compatibility_and_required_when_listed()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var token = TestAuthorizer.Mint(claims: c => c.Remove("exp"));

        (await authorizer.TokenAsync(token)).AssertAllowed();
        authorizer.Env[EnvironmentVariables.RequiredClaims] = "exp";
        Assert.Equal("exp-missing", (await authorizer.TokenAsync(token)).Reason);
    }

    [Fact]
    public async Task A_required_claim_that_is_absent_or_null_is_unauthorized()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.RequiredClaims] = "tenant";

        Assert.Equal("claim-missing", (await authorizer.TokenAsync(TestAuthorizer.Mint())).Reason);
        Assert.Equal("claim-missing", (await authorizer.TokenAsync(TestAuthorizer.Mint(claims: c => c.Set("tenant", null)))).Reason);
        (await authorizer.TokenAsync(TestAuthorizer.Mint(claims: c => c.Set("tenant", "t1")))).AssertAllowed();
    }

    [Theory]
    [InlineData("exp", "\"1700000000\"")]
    [InlineData("nbf", "true")]
    [InlineData("iat", "[1]")]
    public async Task Time_claims_that_are_not_numbers_are_unauthorized(string claim, string json)
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint(claims: c => c.Set(claim, JsonNode.Parse(json))));

        Assert.Equal($"claim-{claim}-not-number", outcome.Reason);
    }

    [Theory]
    [InlineData("at+jwt", "at+jwt", true)]
    [InlineData("at+jwt", "application/AT+JWT", true)]
    [InlineData("at+jwt", "JWT", false)]
    [InlineData("at+jwt", null, false)]
    public async Task The_typ_header_is_checked_when_configured(string wanted, string? typ, bool allowed)
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.TokenType] = wanted;

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint(header: h => { if (typ is null) h.Remove("typ"); else h["typ"] = typ; }));

        Assert.Equal(allowed, outcome.Response is not null);
        if (!allowed)
            Assert.Equal("typ-invalid", outcome.Reason);
    }

    [Fact]
    public async Task An_algorithm_left_off_the_allow_list_is_refused_even_with_a_matching_key()
    {
        using var authorizer = TestAuthorizer.Hardened();
        authorizer.Env[EnvironmentVariables.Algorithms] = "HS256,ES256";

        Assert.Equal("alg-not-allowed", (await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"))).Reason);
        (await authorizer.TokenAsync(TestAuthorizer.Mint("ES256"))).AssertAllowed();
    }

    [Theory]
    [InlineData("PS256")]
    [InlineData("ES384")]
    [InlineData("HS256")]
    public async Task Every_supported_algorithm_validates_with_its_key_type(string alg)
    {
        using var authorizer = TestAuthorizer.Hardened();

        Assert.Equal("user-123", (await authorizer.TokenAsync(TestAuthorizer.Mint(alg))).PrincipalId);
    }

    [Fact]
    public async Task An_ES256_token_whose_kid_names_the_P384_key_is_refused()
    {
        using var authorizer = TestAuthorizer.Hardened();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint("ES256", header: h => h["kid"] = "ec-384"));

        Assert.Equal("no-key-for-alg", outcome.Reason);
    }

    [Fact]
    public async Task A_critical_header_extension_is_refused()
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint(header: h => h["crit"] = new JsonArray("exp")));

        Assert.Equal("crit-unsupported", outcome.Reason);
    }

    [Fact]
    public async Task Duplicate_header_members_are_refused()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var header = Harness.Tokens.TokenFactory.Encode("""{"alg":"none","alg":"HS256"}""");
        var payload = Harness.Tokens.TokenFactory.Encode(Harness.Tokens.ClaimsBuilder.Standard(SharedKeys.Now).Build().ToJsonString());
        var token = Harness.Tokens.TokenFactory.Sign(header, payload, "HS256", SharedKeys.Ring.Hmac);

        Assert.Equal("header-json-invalid", (await authorizer.TokenAsync(token)).Reason);
    }

    [Fact]
    public async Task A_Cognito_access_token_matches_the_audience_through_client_id()
    {
        using var authorizer = TestAuthorizer.Hardened();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint("RS256", c => c.Remove("aud").Set("client_id", SharedKeys.Audience)));

        Assert.Equal("user-123", outcome.PrincipalId);
    }
}
