using System.Text.Json.Nodes;

namespace AuthorizerConformance.Authorizer.Tests;

public class TokenAuthorizerTests
{
    [Fact]
    public async Task A_valid_HS256_token_with_only_the_salt_configured_is_allowed_on_the_whole_stage()
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint(claims: c => c.Set("role", "admin")));

        Assert.Equal("user-123", outcome.PrincipalId);
        var statement = Assert.Single(outcome.Statements);
        Assert.Equal("Allow", (string?)statement!["Effect"]);
        Assert.Equal("execute-api:Invoke", (string?)statement["Action"]![0]);
        // CAC-4: the stage wildcard, not the incoming method ARN.
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/*/*", (string?)statement["Resource"]![0]);
        Assert.Equal("admin", (string?)outcome.Context["role"]);
        Assert.Equal("2012-10-17", (string?)outcome.Ok["policyDocument"]!["Version"]);
    }

    [Fact]
    public async Task The_seed_userId_claim_is_the_principal_when_sub_is_absent()
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint(claims: c => c.Remove("sub").Set("userId", "seed-user")));

        Assert.Equal("seed-user", outcome.PrincipalId);
    }

    [Fact]
    public async Task Sub_wins_over_userId_and_a_configured_claim_wins_over_both()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var token = TestAuthorizer.Mint(claims: c => c.Set("userId", "seed-user").Set("email", "a@example.com"));

        Assert.Equal("user-123", (await authorizer.TokenAsync(token)).PrincipalId);
        authorizer.Env[EnvironmentVariables.PrincipalClaim] = "email";
        Assert.Equal("a@example.com", (await authorizer.TokenAsync(token)).PrincipalId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_token_without_principal_is_unauthorized(string? sub)
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint(claims: c => sub is null ? c.Remove("sub") : c.Set("sub", sub)));

        Assert.True(outcome.IsUnauthorized);
        Assert.Equal("principal-missing", outcome.Reason);
    }

    [Theory]
    [InlineData("Bearer {0}")]
    [InlineData("bearer {0}")]
    [InlineData("BEARER   {0}  ")]
    [InlineData("  {0}\t")]
    [InlineData("{0}")]
    public async Task The_token_is_taken_raw_or_after_a_Bearer_scheme_of_any_case(string format)
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, TestAuthorizer.Mint()));

        Assert.Equal("user-123", outcome.PrincipalId);
    }

    [Theory]
    [InlineData(null, "token-missing")]
    [InlineData("", "token-missing")]
    [InlineData("Bearer", "token-missing")]
    [InlineData("Bearer   ", "token-missing")]
    [InlineData("Basic dXNlcjpwYXNz", "token-scheme-unsupported")]
    [InlineData("not-a-jwt", "token-malformed")]
    [InlineData("a.b.c.d.e", "jwe-unsupported")]
    public async Task Missing_or_garbage_tokens_are_unauthorized_with_a_reason(string? token, string reason)
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(token);

        Assert.True(outcome.IsUnauthorized);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_unauthorized()
    {
        using var authorizer = new TestAuthorizer((EnvironmentVariables.TokenSalt, new string('k', 40)));

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint());

        Assert.True(outcome.IsUnauthorized);
        Assert.Equal("signature-invalid", outcome.Reason);
    }

    [Fact]
    public async Task Array_object_and_null_claims_never_reach_the_context_as_such()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var token = TestAuthorizer.Mint(claims: c => c
            .Set("aud", new JsonArray("a", "b"))
            .Set("profile", new JsonObject { ["city"] = "Lyon" })
            .Set("nothing", null).Set("n", 42).Set("ok", true));

        var context = (await authorizer.TokenAsync(token)).Context;

        Assert.Equal("[\"a\",\"b\"]", (string?)context["aud"]);
        Assert.Equal("{\"city\":\"Lyon\"}", (string?)context["profile"]);
        Assert.False(context.ContainsKey("nothing"));
        Assert.Equal(42, (int)context["n"]!);
        Assert.True((bool)context["ok"]!);
        Assert.All(context, kv => Assert.IsAssignableFrom<JsonValue>(kv.Value));
    }

    [Fact]
    public async Task A_TOKEN_handler_given_a_REQUEST_event_reports_misconfiguration()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var e = new JsonObject { ["type"] = "REQUEST", ["methodArn"] = TestAuthorizer.MethodArn };

        var outcome = await authorizer.InvokeAsync(Variant.Token, e.ToJsonString());

        Assert.True(outcome.IsConfigurationError);
        Assert.Contains("TokenAuthorizerFunction handles TOKEN events", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an arn")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function/x")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:abcdef123")]
    public async Task A_malformed_method_ARN_is_unauthorized(string arn)
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint(), arn);

        Assert.True(outcome.IsUnauthorized);
        Assert.Equal("method-arn-invalid", outcome.Reason);
    }
}
