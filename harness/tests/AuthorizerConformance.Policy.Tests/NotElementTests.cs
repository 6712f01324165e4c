namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.5, POL-7: NotAction matches every action except those listed; NotResource every resource except those listed.</summary>
public class NotElementTests
{
    private static string Statement(string effect, string actionPart, string resourcePart) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"{{effect}}",{{actionPart}},{{resourcePart}}}]}""";

    [Fact]
    public void NotAction_excludes_the_listed_action()
    {
        var json = Statement("Allow", "\"NotAction\":\"execute-api:InvalidateCache\"", "\"Resource\":\"*\"");

        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(json, PolicyKit.GetUsers));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(json, PolicyKit.GetUsers, action: "execute-api:invalidatecache"));
    }

    [Fact]
    public void NotResource_with_Deny_denies_everything_outside_the_list()
    {
        // The aws-lambda-dotnet #2165 use case: Deny with NotResource.
        var json = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},""" +
                   $$"""{"Effect":"Deny","Action":"*","NotResource":"{{PolicyKit.Api}}/prod/GET/public/*"}]}""";

        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyKit.Decide(json, PolicyKit.GetUsers));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(json, PolicyKit.Api + "/prod/GET/public/x"));
    }

    [Fact]
    public void NotResource_explains_the_exclusion()
    {
        var json = Statement("Allow", "\"Action\":\"*\"", "\"NotResource\":\"*\"");

        var mismatch = Assert.Single(PolicyKit.Evaluate(json, PolicyKit.GetUsers).NotMatched);

        Assert.Equal(MismatchReason.Resource, mismatch.Reason);
        Assert.Contains("excluded by NotResource", mismatch.Detail, StringComparison.Ordinal);
    }
}
