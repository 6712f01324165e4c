namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.2: policy variables exist only under Version 2012-10-17; otherwise <c>${…}</c> is literal text.</summary>
public class PolicyVariableTests
{
    private const string Pattern = PolicyKit.Api + "/prod/GET/users/${aws:userid}";

    private static readonly Dictionary<string, IReadOnlyList<string>> Alice = PolicyKit.Context(("aws:userid", "alice"));

    [Fact]
    public void Under_2012_a_variable_is_replaced_by_the_context_value()
    {
        var json = PolicyKit.One(resource: PolicyKit.Quote(Pattern));

        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(json, PolicyKit.GetUsers + "/alice", context: Alice));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(json, PolicyKit.GetUsers + "/bob", context: Alice));
    }

    [Fact]
    public void Context_key_names_are_case_insensitive() =>
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.One(resource: PolicyKit.Quote(Pattern)), PolicyKit.GetUsers + "/alice",
            context: PolicyKit.Context(("AWS:UserId", "alice"))));

    [Fact]
    public void Under_2012_a_variable_without_a_value_matches_nothing()
    {
        var json = PolicyKit.One(resource: PolicyKit.Quote(Pattern));

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(json, PolicyKit.GetUsers + "/${aws:userid}"));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(json, PolicyKit.GetUsers + "/"));
    }

    [Fact]
    public void Under_2012_a_default_value_is_used_when_the_key_is_absent()
    {
        var json = PolicyKit.One(resource: PolicyKit.Quote(PolicyKit.Api + "/prod/GET/users/${aws:userid, 'guest'}"));

        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(json, PolicyKit.GetUsers + "/guest"));
    }

    [Fact]
    public void A_substituted_value_is_literal_not_a_wildcard() =>
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.One(resource: PolicyKit.Quote(Pattern)), PolicyKit.GetUsers + "/alice",
            context: PolicyKit.Context(("aws:userid", "*"))));

    [Theory]
    [InlineData("${*}", "*", true)]
    [InlineData("${*}", "x", false)]
    [InlineData("${?}", "?", true)]
    [InlineData("${$}", "$", true)]
    public void Escapes_stand_for_the_literal_characters(string escape, string last, bool matches) =>
        Assert.Equal(matches ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny,
            PolicyKit.Decide(PolicyKit.One(resource: PolicyKit.Quote(PolicyKit.GetUsers + "/" + escape)), PolicyKit.GetUsers + "/" + last));

    [Theory]
    [InlineData("\"2008-10-17\"")]
    [InlineData("null")]
    public void Under_2008_or_without_Version_a_variable_is_literal_text(string version)
    {
        var json = version == "null"
            ? $$"""{"Statement":[{"Effect":"Allow","Action":"*","Resource":{{PolicyKit.Quote(Pattern)}}}]}"""
            : PolicyKit.One(resource: PolicyKit.Quote(Pattern), version: version);

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(json, PolicyKit.GetUsers + "/alice", context: Alice));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(json, PolicyKit.GetUsers + "/${aws:userid}", context: Alice));
    }
}
