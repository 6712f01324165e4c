namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// The class of a fuzzing find in the harness (issue 13): a JWKS whose bytes are not UTF-8 is a configuration error
/// naming its source, never an InvalidOperationException from the JSON reader.
/// </summary>
public class NotUtf8KeyDocumentTests
{
    [Fact]
    public void A_JWKS_that_is_not_UTF8_is_a_configuration_error()
    {
        byte[] jwks = [.. "{\"keys\":[{\"kty\":\"oct\",\"kid\":\""u8, 0xFF, .. "\",\"k\":\"AAAA\"}]}"u8];

        var error = Assert.Throws<AuthorizerConfigurationException>(() => JwksParser.Parse(jwks, "AUTH_JWKS_FILE"));

        Assert.Equal("Authorizer misconfigured: JWKS from AUTH_JWKS_FILE at $: is not UTF-8 text.", error.Message);
    }
}
