namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// POL-4, POL-5: a pattern with <c>?</c> is matched by the general matcher, which a compiled policy guards with the
/// pattern's leading and trailing literal text (<see cref="Glob.Head"/>, <see cref="Glob.Tail"/>). The guard must
/// only ever reject texts the full match would reject too: each case is checked on the execute-api:Invoke path (the
/// policy's plan, with the guard) and on another action (the statement's own matchers, without it).
/// </summary>
public class GlobPrefilterTests
{
    private const string Api = "arn:aws:execute-api:us-east-1:111111111111:abc123";
    private const string Account = "arn:aws:execute-api:us-east-1:111111111111:";
    private const string AnyRegion = "arn:aws:execute-api:*:111111111111:";
    private const string OtherAction = "execute-api:ManageConnections";

    [Theory]
    // A trailing '?': the head is everything before it, there is no tail.
    [InlineData(Api + "/dev/GET/user?", Api + "/dev/GET/users", true)]
    [InlineData(Api + "/dev/GET/user?", Api + "/dev/GET/user1", true)]
    [InlineData(Api + "/dev/GET/user?", Api + "/dev/GET/user", false)]
    [InlineData(Api + "/dev/GET/user?", Api + "/dev/GET/users/", false)]
    [InlineData(Api + "/dev/GET/user?", Api + "/dev/GET/usersX", false)]
    [InlineData(Api + "/dev/GET/user?", Api + "/dev/POST/users", false)]
    [InlineData(Api + "/dev/GET/user?", Api + "/dev/GET/Users", false)]
    // A '?' inside: head and tail on both sides.
    [InlineData(Api + "/dev/?ET/users", Api + "/dev/GET/users", true)]
    [InlineData(Api + "/dev/?ET/users", Api + "/dev/SET/users", true)]
    [InlineData(Api + "/dev/?ET/users", Api + "/dev/ET/users", false)]
    [InlineData(Api + "/dev/?ET/users", Api + "/dev/GGET/users", false)]
    [InlineData(Api + "/dev/?ET/users", Api + "/dev/GET/users2", false)]
    [InlineData(Api + "/dev/?ET/users", Api + "/dev/GET/user", false)]
    // Head and tail both present but the middle differs: the guard passes, the full match must still reject.
    [InlineData(Api + "/dev/G?T/us?rs", Api + "/dev/GET/users", true)]
    [InlineData(Api + "/dev/G?T/us?rs", Api + "/dev/GET/uzzrs", false)]
    [InlineData(Api + "/dev/G?T/us?rs", Api + "/dev/GXXT/users", false)]
    // '?' and '*' together.
    [InlineData(Api + "/d?v/*/users", Api + "/dev/GET/users", true)]
    [InlineData(Api + "/d?v/*/users", Api + "/div/POST/x/users", true)]
    [InlineData(Api + "/d?v/*/users", Api + "/dev//users", true)]
    [InlineData(Api + "/d?v/*/users", Api + "/dev/users", false)]
    [InlineData(Api + "/d?v/*/users", Api + "/dev/GET/users/1", false)]
    [InlineData(Api + "/d?v/*/users", Api + "/dv/GET/users", false)]
    [InlineData(Api + "/d?v/*/users", Api + "/deev/GET/users", false)]
    [InlineData(Api + "/a?c/*", Api + "/abc/GET/x", true)]
    [InlineData(Api + "/a?c/*", Api + "/a-c/", true)]
    [InlineData(Api + "/a?c/*", Api + "/abc", false)]
    [InlineData(Api + "/a?c/*", Api + "/ac/x", false)]
    [InlineData(Api + "/a?c/*", Api + "/abcd/x", false)]
    [InlineData(Account + "a?c123/*", Api + "/dev/GET/users", true)]
    [InlineData(Account + "a?c123/*", Account + "abc12/dev/GET/users", false)]
    // Head "ab" and tail "ba" overlap in a text shorter than the pattern: the length, not the guard, rejects it.
    [InlineData(Account + "ab?ba", Account + "abba", false)]
    [InlineData(Account + "ab?ba", Account + "ababa", true)]
    [InlineData(Account + "ab?ba", Account + "abbba", true)]
    [InlineData(Account + "ab?ba", Account + "ab?ba", true)]
    [InlineData(Account + "ab?ba", Account + "aba", false)]
    [InlineData(Account + "ab?ba", Account + "abbaa", false)]
    [InlineData(AnyRegion + "ab?ba", Account + "abba", false)]
    [InlineData(AnyRegion + "ab?ba", Account + "ababa", true)]
    [InlineData(AnyRegion + "ab?ba", Account + "abab", false)]
    [InlineData(AnyRegion + "ab?*ba", Account + "abba", false)]
    [InlineData(AnyRegion + "ab?*ba", Account + "ababa", true)]
    [InlineData(AnyRegion + "ab?*ba", Account + "abxyzba", true)]
    [InlineData(AnyRegion + "a?a", Account + "aa", false)]
    [InlineData(AnyRegion + "a?a", Account + "aaa", true)]
    [InlineData(AnyRegion + "a?a", Account + "a", false)]
    // '?' first in the resource part: no head of its own (whole-ARN: the ARN prefix; segment-wise: none).
    [InlineData(Account + "?bc123/dev/GET/users", Api + "/dev/GET/users", true)]
    [InlineData(Account + "?bc123/dev/GET/users", Account + "xbc123/dev/GET/users", true)]
    [InlineData(Account + "?bc123/dev/GET/users", Account + "bc123/dev/GET/users", false)]
    [InlineData(Account + "?bc123/dev/GET/users", Account + "aabc123/dev/GET/users", false)]
    [InlineData(AnyRegion + "?bc123/*", Api + "/dev/GET/users", true)]
    [InlineData(AnyRegion + "?bc123/*", Account + "bc123/dev/GET/users", false)]
    [InlineData(AnyRegion + "*/?ET/users", Api + "/dev/GET/users", true)]
    [InlineData(AnyRegion + "*/?ET/users", Api + "/dev/GET/user", false)]
    // '?' in the region and account segments (segment-wise entries).
    [InlineData("arn:aws:execute-api:?s-east-1:*:abc123/*", Api + "/dev/GET/users", true)]
    [InlineData("arn:aws:execute-api:?s-east-1:*:abc123/*", "arn:aws:execute-api:xs-east-1:111111111111:abc123/dev/GET/users", true)]
    [InlineData("arn:aws:execute-api:?s-east-1:*:abc123/*", "arn:aws:execute-api:s-east-1:111111111111:abc123/dev/GET/users", false)]
    [InlineData("arn:aws:execute-api:?s-east-1:*:abc123/*", "arn:aws:execute-api:uus-east-1:111111111111:abc123/dev/GET/users", false)]
    [InlineData("arn:aws:execute-api:?s-east-1:*:abc123/*", "arn:aws:execute-api:us-east-2:111111111111:abc123/dev/GET/users", false)]
    [InlineData("arn:aws:execute-api:?s-east-1:*:abc123/*", "arn:aws:execute-api:us-east-1:111111111111:abc124/dev/GET/users", false)]
    [InlineData("arn:aws:execute-api:*:1111111111?1:*", Api + "/dev/GET/users", true)]
    [InlineData("arn:aws:execute-api:*:1111111111?1:*", "arn:aws:execute-api:us-east-1:111111111121:abc123/dev/GET/users", true)]
    [InlineData("arn:aws:execute-api:*:1111111111?1:*", "arn:aws:execute-api:us-east-1:111111111112:abc123/dev/GET/users", false)]
    [InlineData("arn:aws:execute-api:*:1111111111?1:*", "arn:aws:execute-api:us-east-1:11111111111:abc123/dev/GET/users", false)]
    public void A_pattern_with_a_question_mark_matches_exactly_what_it_should(string pattern, string request, bool matches)
    {
        var policy = PolicyKit.Compile(PolicyKit.One(action: "\"*\"", resource: PolicyKit.Quote(pattern)));
        var expected = matches ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;

        var invoke = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, request));
        var other = policy.Evaluate(new PolicyRequest(OtherAction, request));

        Assert.Equal(expected, invoke.Decision);
        Assert.Equal(expected, other.Decision);
        // The explanation is computed by the statement's own matchers: it must agree with the plan's decision.
        MismatchReason[] reasons = matches ? [] : [MismatchReason.Resource];
        Assert.Equal(reasons, invoke.NotMatched.Select(m => m.Reason));
    }

    [Theory]
    [InlineData("user?", "user", "")]
    [InlineData("?ET/users", "", "ET/users")]
    [InlineData("d?v/*/users", "d", "/users")]
    [InlineData("a?c/*", "a", "")]
    [InlineData("ab?ba", "ab", "ba")]
    [InlineData("?", "", "")]
    [InlineData("*?", "", "")]
    public void A_general_pattern_keeps_its_leading_and_trailing_literal(string pattern, string head, string tail)
    {
        var glob = Glob.Compile(pattern, ignoreCase: false);

        Assert.Equal(GlobShape.General, glob.Shape);
        Assert.Equal(head, glob.Head);
        Assert.Equal(tail, glob.Tail);
    }

    [Fact]
    public void A_pattern_with_a_variable_has_no_head_or_tail()
    {
        var glob = Glob.Compile("home/${aws:username}/?", ignoreCase: false, variables: true);

        Assert.Equal(GlobShape.General, glob.Shape);
        Assert.Equal("", glob.Head);
        Assert.Equal("", glob.Tail);
    }
}
