namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.3, POL-2: action names are case-insensitive, with <c>*</c> and <c>?</c> as wildcards.</summary>
public class ActionMatchingTests
{
    [Theory]
    [InlineData("execute-api:Invoke", PolicyDecision.Allow)]
    [InlineData("EXECUTE-API:invoke", PolicyDecision.Allow)]
    [InlineData("execute-api:*", PolicyDecision.Allow)]
    [InlineData("*", PolicyDecision.Allow)]
    [InlineData("execute-api:Inv*", PolicyDecision.Allow)]
    [InlineData("execute-api:*oke", PolicyDecision.Allow)]
    [InlineData("execute-api:Inv?ke", PolicyDecision.Allow)]
    [InlineData("execute-api:Inv??ke", PolicyDecision.ImplicitDeny)]
    [InlineData("execute-api:InvalidateCache", PolicyDecision.ImplicitDeny)]
    [InlineData("execute-api:ManageConnections", PolicyDecision.ImplicitDeny)]
    [InlineData("s3:*", PolicyDecision.ImplicitDeny)]
    public void Action_patterns_against_execute_api_Invoke(string pattern, PolicyDecision expected) =>
        Assert.Equal(expected, PolicyKit.Decide(PolicyKit.One(action: PolicyKit.Quote(pattern)), PolicyKit.GetUsers));

    [Fact]
    public void The_request_action_case_does_not_matter_either() =>
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.One(), PolicyKit.GetUsers, action: "Execute-Api:INVOKE"));

    [Fact]
    public void Another_action_listed_in_the_array_does_not_hide_the_match() =>
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.One(action: "[\"s3:GetObject\",\"execute-api:Invoke\"]"), PolicyKit.GetUsers));
}
