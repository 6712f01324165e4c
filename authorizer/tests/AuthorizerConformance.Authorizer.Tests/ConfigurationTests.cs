namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>A misconfigured authorizer answers with a configuration error (500), never Unauthorized, and logs one line.</summary>
public class ConfigurationTests
{
    [Theory]
    [InlineData(null, null, "no key")]
    [InlineData(EnvironmentVariables.TokenSalt, "too-short-secret", "has 16 bytes; HS256 needs at least 32")]
    [InlineData(EnvironmentVariables.Algorithms, "none", "names 'none'")]
    [InlineData(EnvironmentVariables.Algorithms, "RS256", "allows RS256 but no public keys")]
    [InlineData(EnvironmentVariables.Algorithms, "HS512", "HS512 needs at least 64")]
    [InlineData(EnvironmentVariables.ClockSkewSeconds, "3600", "AUTH_CLOCK_SKEW_SECONDS must be a whole number from 0 to 300")]
    [InlineData(EnvironmentVariables.ContextNested, "yaml", "must be 'json' or 'drop'")]
    [InlineData(EnvironmentVariables.ScopeRoutes, "orders:write", "is not 'scope=VERB /path")]
    [InlineData(EnvironmentVariables.DenyRoutes, "DELETE orders", "expected 'VERB /path'")]
    [InlineData(EnvironmentVariables.JwksUrl, "http://keys.example.com/jwks.json", "must be an https URL")]
    [InlineData(EnvironmentVariables.JwksFile, "/no/such/jwks.json", "cannot be read")]
    public async Task Each_misconfiguration_is_a_configuration_error_naming_the_variable(string? name, string? value, string expected)
    {
        using var authorizer = name == EnvironmentVariables.TokenSalt || name is null ? new TestAuthorizer() : TestAuthorizer.SaltOnly();
        if (name is not null)
            authorizer.Env[name] = value;
        if (name == EnvironmentVariables.Algorithms && value == "HS512")
            authorizer.Env[EnvironmentVariables.TokenSalt] = new string('s', 40);

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint());

        Assert.True(outcome.IsConfigurationError, $"{outcome.ErrorType} {outcome.ErrorMessage} {outcome.Reason}");
        Assert.NotEqual("Unauthorized", outcome.ErrorMessage);
        Assert.Contains(expected, outcome.ErrorMessage, StringComparison.Ordinal);
        var log = authorizer.Log.ToString();
        Assert.Single(log.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("authorizer: configuration error:", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Misconfiguration_wins_even_when_the_token_is_missing()
    {
        using var authorizer = new TestAuthorizer();

        var outcome = await authorizer.TokenAsync(null);

        Assert.True(outcome.IsConfigurationError);
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_token_appear_in_any_log_line()
    {
        using var authorizer = new TestAuthorizer((EnvironmentVariables.TokenSalt, "a-short-but-secret-value"));
        var token = TestAuthorizer.Mint();

        await authorizer.TokenAsync(token);
        authorizer.Env[EnvironmentVariables.TokenSalt] = SharedKeys.Ring.Secret;
        await authorizer.TokenAsync(token + "x");

        var log = authorizer.Log.ToString();
        Assert.DoesNotContain("a-short-but-secret-value", log, StringComparison.Ordinal);
        Assert.DoesNotContain(SharedKeys.Ring.Secret, log, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..(token.IndexOf('.', StringComparison.Ordinal) + 2)], log, StringComparison.Ordinal);
        Assert.Contains("authorizer: Unauthorized reason=signature-invalid token=eyJ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JWKS_with_private_key_material_is_refused_with_its_JSON_path()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.JwksFile] = authorizer.TempFile("""{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"}]}""");

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint());

        Assert.True(outcome.IsConfigurationError);
        Assert.Contains("at $.keys[0].d", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JWKS_holding_half_a_surrogate_pair_is_a_configuration_error_naming_it()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.JwksFile] = authorizer.TempFile("""{"keys":[{"kty":"RSA","kid":"k\ud800","n":"AQAB","e":"AQAB"}]}""");

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint());

        Assert.True(outcome.IsConfigurationError);
        Assert.Contains("at $: holds an escaped UTF-16 surrogate without its pair", outcome.ErrorMessage, StringComparison.Ordinal);
    }
}
