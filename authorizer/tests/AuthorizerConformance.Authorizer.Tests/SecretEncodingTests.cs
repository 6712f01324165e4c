namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// Issue 16, defect 2: a secret that is not valid UTF-8 is a configuration error, and its length is counted in the
/// bytes given. An environment variable of 11 × 0xFF reaches .NET as 11 × U+FFFD (33 UTF-8 bytes): it must not pass
/// the 32-byte check, and a token signed with that text must not be accepted.
/// </summary>
public class SecretEncodingTests
{
    [Theory]
    [InlineData("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData("0123456789abcdef0123456789abcdef\uFFFD")]
    [InlineData("0123456789abcdef0123456789abcdef\uD800")]
    public async Task A_secret_that_is_not_valid_utf8_is_a_configuration_error(string salt)
    {
        using var authorizer = new TestAuthorizer((EnvironmentVariables.TokenSalt, salt));
        var token = Harness.Tokens.TokenFactory.Mint(
            Harness.Tokens.ClaimsBuilder.Standard(SharedKeys.Now).Build(), "HS256", Harness.Tokens.SigningKey.Hmac(System.Text.Encoding.UTF8.GetBytes(salt)));

        var outcome = await authorizer.TokenAsync(token);

        Assert.True(outcome.IsConfigurationError, $"{outcome.ErrorType} {outcome.ErrorMessage} {outcome.Reason}");
        Assert.Contains("not valid UTF-8", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(salt, authorizer.Log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", true)]
    [InlineData("\uFFFD", false)]
    [InlineData("\uDC00abc", false)]
    public void Secret_bytes_are_the_utf8_of_valid_text_only(string text, bool valid)
    {
        Assert.Equal(valid, SecretText.TryGetBytes(text, out var bytes));
        if (valid)
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), bytes.Length);
    }
}
