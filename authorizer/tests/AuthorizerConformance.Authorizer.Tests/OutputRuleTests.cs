using System.Text.Json;
using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer.Tests;

public class OutputRuleTests
{
    private static AuthorizerSettings Settings(params (string, string)[] env)
    {
        var map = env.ToDictionary(e => e.Item1, e => (string?)e.Item2);
        map[EnvironmentVariables.TokenSalt] = SharedKeys.Ring.Secret;
        return AuthorizerSettings.FromEnvironment(n => map.GetValueOrDefault(n));
    }

    [Theory]
    [InlineData("arn:aws:execute-api:r:a:api/prod/*/*", "arn:aws:execute-api:r:a:api/prod/GET/", true)]
    [InlineData("arn:aws:execute-api:r:a:api/prod/*/*", "arn:aws:execute-api:r:a:api/prod/GET/pets/1/owner", true)]
    [InlineData("arn:aws:execute-api:r:a:api/prod/*/*", "arn:aws:execute-api:r:a:api/prod/$connect", false)]
    [InlineData("arn:aws:execute-api:r:a:api/prod/GET/pets/?", "arn:aws:execute-api:r:a:api/prod/GET/pets/7", true)]
    [InlineData("arn:aws:execute-api:r:a:api/prod/GET/pets/?", "arn:aws:execute-api:r:a:api/prod/GET/pets/42", false)]
    [InlineData("arn:aws:execute-api:r:a:api/prod/get/*", "arn:aws:execute-api:r:a:api/prod/GET/pets", false)]
    [InlineData("arn:aws:execute-api:r:a:api/prod/GET/pets.*", "arn:aws:execute-api:r:a:api/prod/GET/petsX1", false)]
    public void ARN_patterns_follow_IAM_wildcards(string pattern, string arn, bool matches) =>
        Assert.Equal(matches, ArnPattern.Matches(pattern, arn));

    [Fact]
    public void The_context_stays_within_its_byte_bound_and_keeps_later_entries_that_fit()
    {
        using var payload = JsonDocument.Parse("""{"big":"%","small":"s","n":1}""".Replace("%", new string('x', 100), StringComparison.Ordinal));

        var context = ContextFlattener.Flatten(payload.RootElement, Settings((EnvironmentVariables.ContextMaxBytes, "60")));

        Assert.False(context.ContainsKey("big"));
        Assert.Equal("s", (string?)context["small"]);
        Assert.True(context.ToJsonString().Length <= 60);
    }

    [Fact]
    public void Drop_mode_and_the_claim_allow_list_narrow_the_context()
    {
        using var payload = JsonDocument.Parse("""{"sub":"u","groups":["a"],"principalId":"spoof","email":"e@x"}""");

        var context = ContextFlattener.Flatten(payload.RootElement, Settings((EnvironmentVariables.ContextNested, "drop")));
        var narrowed = ContextFlattener.Flatten(payload.RootElement, Settings((EnvironmentVariables.ContextClaims, "email")));

        Assert.Equal(["sub", "email"], context.Select(kv => kv.Key));
        Assert.Equal(["email"], narrowed.Select(kv => kv.Key));
    }

    [Fact]
    public void Policy_evaluation_lets_an_explicit_deny_win()
    {
        var policy = new APIGatewayCustomAuthorizerPolicy
        {
            Statement =
            [
                new IAMPolicyStatement { Effect = "Allow", Action = ["execute-api:Invoke"], Resource = ["arn:aws:execute-api:r:a:api/prod/*/*"] },
                new IAMPolicyStatement { Effect = "Deny", Action = ["execute-api:Invoke"], Resource = ["arn:aws:execute-api:r:a:api/prod/DELETE/*"] },
            ],
        };

        Assert.True(PolicyBuilder.Allows(policy, "arn:aws:execute-api:r:a:api/prod/GET/x"));
        Assert.False(PolicyBuilder.Allows(policy, "arn:aws:execute-api:r:a:api/prod/DELETE/x"));
        Assert.False(PolicyBuilder.Allows(policy, "arn:aws:execute-api:r:a:api/test/GET/x"));
    }

    [Theory]
    [InlineData("eyJ9", true)]
    [InlineData("eyI", true)]
    [InlineData("eyJ", false)]
    [InlineData("eyJ=", false)]
    [InlineData("e", false)]
    [InlineData("ab+c", false)]
    public void Base64url_decoding_is_canonical(string text, bool accepted) =>
        Assert.Equal(accepted, StrictBase64Url.TryDecode(text) is not null);

    [Fact]
    public void The_log_rendering_never_shows_more_than_the_header_prefix()
    {
        var token = TestAuthorizer.Mint();

        var rendered = LogSafe.Token(token);

        Assert.Equal($"{token[..10]}…[redacted {token.Length - 10} chars]", rendered);
        Assert.Equal("…[redacted 9 chars]", LogSafe.Token("nodotshere"[..9]));
    }
}
