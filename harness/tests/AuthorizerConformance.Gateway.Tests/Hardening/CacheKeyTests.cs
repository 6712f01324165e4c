namespace AuthorizerConformance.Gateway.Tests.Hardening;

/// <summary>Issue 16, defect 1: the result-cache key must tell every distinct list of identity values apart.</summary>
public class CacheKeyTests
{
    [Fact]
    public async Task Values_that_join_to_the_same_text_are_different_identities()
    {
        var kit = RequestAuthorizerTests.Stage("method.request.querystring.q, method.request.querystring.r", Outputs.AllowAll);
        Expect.Admitted(await kit.Send(new ClientRequest { Method = "GET", Path = "/pets/7", Query = "q=a%1Fb&r=c" }));
        var other = await kit.Send(new ClientRequest { Method = "GET", Path = "/pets/7", Query = "q=a&r=b%1Fc" });
        Assert.False(other.CacheHit);
        Assert.Equal(2, kit.Invocations("R"));
    }

    [Theory]
    [InlineData(new[] { "a\u001fb", "c" }, new[] { "a", "b\u001fc" })]
    [InlineData(new[] { "ab" }, new[] { "a", "b" })]
    [InlineData(new[] { "1:a" }, new[] { "a" })]
    [InlineData(new[] { "", "a" }, new[] { "a", "" })]
    public void Cache_keys_of_different_value_lists_differ(string[] one, string[] two) =>
        Assert.NotEqual(AuthorizerResultCache.Key("A", one), AuthorizerResultCache.Key("A", two));

    [Fact]
    public void The_authorizer_name_cannot_absorb_a_value() =>
        Assert.NotEqual(AuthorizerResultCache.Key("A\u001fx", ["y"]), AuthorizerResultCache.Key("A", ["x\u001fy"]));
}
