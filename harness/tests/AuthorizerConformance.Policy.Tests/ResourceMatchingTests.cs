namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.4, POL-4, POL-5: case-sensitive resource matching with IAM wildcards; everything else literal.</summary>
public class ResourceMatchingTests
{
    private const string Api = PolicyKit.Api;

    [Theory]
    // Exact, root path with its trailing slash (ARN-3).
    [InlineData(Api + "/prod/GET/users", Api + "/prod/GET/users", true)]
    [InlineData(Api + "/prod/GET/", Api + "/prod/GET/", true)]
    [InlineData(Api + "/prod/GET/", Api + "/prod/GET/users", false)]
    [InlineData(Api + "/prod/GET", Api + "/prod/GET/", false)]
    // '*' crosses '/': one star stands for stage, verb and path together.
    [InlineData(Api + "/*", Api + "/prod/GET/users/42/sensitive", true)]
    [InlineData(Api + "/prod/GET/users/*", Api + "/prod/GET/users/42/sensitive", true)]
    [InlineData(Api + "/prod/GET/users/*", Api + "/prod/GET/users", false)]
    [InlineData(Api + "/prod/GET/users/*", Api + "/prod/GET/users/", true)]
    [InlineData(Api + "/*/GET/*", Api + "/prod/GET/a/b", true)]
    [InlineData(Api + "/*/GET/*", Api + "/prod/POST/a/GET/b", true)]
    [InlineData(Api + "/prod/*/users", Api + "/prod/GET/users", true)]
    [InlineData(Api + "/prod/*/users", Api + "/prod/GET/x/users", true)]
    // '?' is exactly one character.
    [InlineData(Api + "/prod/GET/users/?", Api + "/prod/GET/users/7", true)]
    [InlineData(Api + "/prod/GET/users/?", Api + "/prod/GET/users/42", false)]
    [InlineData(Api + "/prod/GET/users/?", Api + "/prod/GET/users/", false)]
    [InlineData(Api + "/prod/???/users", Api + "/prod/GET/users", true)]
    [InlineData(Api + "/prod/???/users", Api + "/prod/POST/users", false)]
    // Case-sensitive: method and path come straight from the request.
    [InlineData(Api + "/prod/GET/users", Api + "/prod/get/users", false)]
    [InlineData(Api + "/prod/GET/users", Api + "/prod/GET/Users", false)]
    [InlineData("arn:aws:execute-api:US-EAST-1:123456789012:abc123/*", Api + "/prod/GET/users", false)]
    [InlineData("arn:AWS:execute-api:us-east-1:123456789012:abc123/*", Api + "/prod/GET/users", false)]
    // Regex metacharacters are literal (POL-5).
    [InlineData(Api + "/prod/GET/a.c", Api + "/prod/GET/abc", false)]
    [InlineData(Api + "/prod/GET/a.c", Api + "/prod/GET/a.c", true)]
    [InlineData(Api + "/prod/GET/items/{proxy+}", Api + "/prod/GET/items/{proxy+}", true)]
    [InlineData(Api + "/prod/GET/items/{proxy+}", Api + "/prod/GET/items/xyz", false)]
    [InlineData(Api + "/prod/GET/(a|b)", Api + "/prod/GET/a", false)]
    [InlineData(Api + "/prod/GET/^users$", Api + "/prod/GET/users", false)]
    // No suffix or prefix matching (the serverless-offline mis-anchoring).
    [InlineData(Api + "/prod/GET/users", Api + "/prod/GET/users/extra", false)]
    [InlineData(Api + "/prod/GET/users", "arn:aws:execute-api:us-east-1:123456789012:xabc123/prod/GET/users", false)]
    // Wildcards in region, account and API id segments.
    [InlineData("arn:aws:execute-api:*:*:*", Api + "/prod/GET/users", true)]
    [InlineData("arn:aws:execute-api:us-*:*:abc*/*", Api + "/prod/GET/users", true)]
    [InlineData("arn:aws:execute-api:eu-*:*:*", Api + "/prod/GET/users", false)]
    [InlineData("arn:aws:execute-api:us-east-?:123456789012:*", Api + "/prod/GET/users", true)]
    [InlineData("arn:aws:execute-api:*:*:*/prod/GET/users", Api + "/prod/GET/users", true)]
    [InlineData("arn:aws:execute-api:*:*:*/*/DELETE/*", Api + "/prod/GET/users", false)]
    [InlineData("arn:*:execute-api:*:*:*", Api + "/prod/GET/users", true)]
    [InlineData("*", Api + "/prod/GET/users", true)]
    // Another service never matches an execute-api request.
    [InlineData("arn:aws:s3:::bucket/*", Api + "/prod/GET/users", false)]
    public void Resource_patterns(string pattern, string request, bool matches) =>
        Assert.Equal(matches ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.Allow(pattern), request));

    [Theory]
    // Disputed (§1.8 item 1): the 2023 doc keeps '*' inside a segment; the current doc lets a trailing '*' cross ':'.
    // Chosen: a short ARN whose last segment ends in '*' matches to the end of the request ARN.
    [InlineData("arn:aws:execute-api:us-east-1:*", true)]
    [InlineData("arn:aws:execute-api:*", true)]
    [InlineData("arn:aws:execute-api:us-*", true)]
    [InlineData("arn:aws:execute-api:eu-*", false)]
    // Chosen: a short ARN that does not end in '*' matches nothing (iam-simulate pads it with '*'; AWS: undocumented).
    [InlineData("arn:aws:execute-api:us-east-1", false)]
    public void Short_ARNs_with_a_trailing_star_match_to_the_end(string pattern, bool matches) =>
        Assert.Equal(matches ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.Allow(pattern), PolicyKit.GetUsers));

    [Fact]
    public void A_star_in_a_full_ARN_prefix_segment_does_not_cross_a_colon()
    {
        // The request path contains ':'; a '*' in the account segment must not swallow "123456789012:abc123/prod/GET/a".
        var request = PolicyKit.Api + "/prod/GET/a:b";

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.Allow("arn:aws:execute-api:us-east-1:*:b"), request));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.Allow(PolicyKit.Api + "/prod/GET/a:*"), request));
    }

    [Fact]
    public void WebSocket_route_keys_match_literally_with_their_dollar_sign_ARN_6()
    {
        var connect = PolicyKit.Api + "/prod/$connect";

        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.Allow(connect), connect));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.Allow(PolicyKit.Api + "/prod/$*"), connect));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.Allow(PolicyKit.Api + "/prod/$connect"), PolicyKit.Api + "/prod/$disconnect"));
    }

    [Fact]
    public void A_request_that_is_not_an_ARN_matches_only_star()
    {
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.Allow("*"), "not-an-arn"));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.Allow("arn:aws:execute-api:*"), "not-an-arn"));
    }

    [Fact]
    public void A_literal_star_in_the_request_is_just_a_character()
    {
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.Allow(PolicyKit.Api + "/prod/GET/a"), PolicyKit.Api + "/prod/GET/*"));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.Allow(PolicyKit.Api + "/prod/GET/*"), PolicyKit.Api + "/prod/GET/*"));
    }
}
