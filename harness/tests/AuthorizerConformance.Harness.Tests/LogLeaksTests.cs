using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

public class LogLeaksTests
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJlLW9mLXRoaXMtdG9rZW4tMTIzNDU2";
    private const string Secret = "s3cr3t-of-the-run-0123456789abcdef";

    [Theory]
    [InlineData("token=" + Token, "the whole token")]
    [InlineData("sig c2lnbmF0dXJlLW9mLXRoaXMtdG9rZW4tMTIzNDU2 bad", "the token's signature")]
    [InlineData("salt is " + Secret, "the secret")]
    public void A_log_holding_the_token_its_signature_or_the_secret_is_a_leak_named_without_the_text(string log, string leak)
    {
        var found = LogLeaks.Find(log, Token, [Secret]);

        Assert.Equal([leak], found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("authorizer: unauthorized reason=signature-invalid token=eyJhbGciOi…[redacted 70 chars]")]
    public void A_log_with_at_most_the_start_of_the_header_leaks_nothing(string log) =>
        Assert.Empty(LogLeaks.Find(log, Token, [Secret]));

    [Fact]
    public void Text_that_is_not_a_jwt_is_not_looked_for() =>
        Assert.Empty(LogLeaks.Find("token not-a-jwt", "not-a-jwt", []));
}
