using AuthorizerConformance.Policy.Conditions;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// §1.6: identical condition clauses are shared process-wide (<see cref="ConditionClauseTable"/>), and only identical
/// ones: the same operator, key and values under the same policy-variable rule (§1.2: 2012-10-17 only).
/// </summary>
/// <remarks>
/// The table is shared with every test running beside these, so each test uses its own keys and values. The test that
/// fills the table (<see cref="ConditionClauseTableCapacityTests"/>) runs alone, after every parallel test.
/// </remarks>
public class ConditionClauseTableTests
{
    [Fact]
    public void Two_policies_with_the_same_condition_share_one_clause()
    {
        AssertTableHasRoom();
        const string Condition = """{"StringEquals":{"custom:share":["s-1","s-2"]}}""";

        var first = Clause(PolicyKit.One(resource: PolicyKit.Quote(PolicyKit.GetUsers), condition: Condition));
        var second = Clause(PolicyKit.One(effect: "Deny", resource: PolicyKit.Quote(PolicyKit.Api + "/*"), condition: Condition));

        Assert.Same(first, second);
    }

    [Fact]
    public void A_condition_in_a_policy_parsed_from_a_JsonElement_is_shared_too()
    {
        AssertTableHasRoom();
        const string Condition = """{"StringLike":{"custom:share-element":"e-*"}}""";
        using var document = System.Text.Json.JsonDocument.Parse(PolicyKit.One(condition: Condition));

        var fromElement = Assert.Single(PolicyKit.AssertValid(PolicyParser.Parse(document.RootElement)).Statements[0].Conditions);
        var fromText = Clause(PolicyKit.One(resource: PolicyKit.Quote(PolicyKit.GetUsers), condition: Condition));

        Assert.Same(fromText, fromElement);
    }

    [Fact]
    public void Versions_2008_and_2012_do_not_share_a_clause_because_variables_apply_only_under_2012()
    {
        const string Condition = """{"StringEquals":{"custom:owner":"${aws:username}"}}""";
        var v2012 = PolicyKit.One(condition: Condition);
        var v2008 = PolicyKit.One(condition: Condition, version: "\"2008-10-17\"");
        var alice = PolicyKit.Context(("aws:username", "alice"), ("custom:owner", "alice"));
        var literal = PolicyKit.Context(("aws:username", "alice"), ("custom:owner", "${aws:username}"));

        Assert.NotSame(Clause(v2012), Clause(v2008));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(v2012, PolicyKit.GetUsers, context: alice));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(v2008, PolicyKit.GetUsers, context: alice));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(v2012, PolicyKit.GetUsers, context: literal));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(v2008, PolicyKit.GetUsers, context: literal));
    }

    [Fact]
    public void A_value_holding_a_separator_is_never_taken_for_two_values()
    {
        // Keys once joined parts with \u0001: ["zzq","zzr"] and "zzq\u0001zzr" then shared one clause, and the second
        // policy allowed aws:username=zzq.
        var two = PolicyKit.Compile(PolicyKit.One(condition: """{"StringEquals":{"aws:username":["zzq","zzr"]}}"""));
        var one = PolicyKit.Compile(PolicyKit.One(condition: """{"StringEquals":{"aws:username":"zzq\u0001zzr"}}"""));

        Assert.NotSame(two.Statements[0].Conditions[0], one.Statements[0].Conditions[0]);
        Assert.Equal(PolicyDecision.Allow, two.Evaluate(Request("zzq")).Decision);
        Assert.Equal(PolicyDecision.ImplicitDeny, one.Evaluate(Request("zzq")).Decision);
        Assert.Equal(PolicyDecision.Allow, one.Evaluate(Request("zzq\u0001zzr")).Decision);
        Assert.Contains("zzq\\u0001zzr", one.ToJson(), StringComparison.Ordinal);
        Assert.NotEqual(ConditionClauseTable.Key("StringEquals", "k", false, ["a", "b"]), ConditionClauseTable.Key("StringEquals", "k", false, ["a\u0001b"]));
        Assert.NotEqual(ConditionClauseTable.Key("S", "k", false, ["1:a"]), ConditionClauseTable.Key("S", "k", false, ["1", "a"]));

        static PolicyRequest Request(string user) => new(PolicyKit.Invoke, PolicyKit.GetUsers, PolicyKit.Context(("aws:username", user)));
    }

    [Theory]
    [InlineData("""{"StringEquals":{"custom:differ":"d-2"}}""")]
    [InlineData("""{"StringEquals":{"custom:differ":["d-1","d-2"]}}""")]
    [InlineData("""{"StringEquals":{"custom:differ-too":"d-1"}}""")]
    [InlineData("""{"StringLike":{"custom:differ":"d-1"}}""")]
    [InlineData("""{"StringEqualsIfExists":{"custom:differ":"d-1"}}""")]
    public void A_different_value_key_or_operator_is_a_different_clause(string other)
    {
        const string Condition = """{"StringEquals":{"custom:differ":"d-1"}}""";

        var clause = Clause(PolicyKit.One(condition: Condition));
        var otherClause = Clause(PolicyKit.One(condition: other));

        Assert.NotSame(clause, otherClause);
        Assert.Equal(["d-1"], clause.RawValues);
    }

    private static ConditionClause Clause(string json) => Assert.Single(PolicyKit.Compile(json).Statements[0].Conditions);

    // Sharing is only promised below the capacity; the test that fills the table runs after this class.
    private static void AssertTableHasRoom() =>
        Assert.True(ConditionClauseTable.Count < ConditionClauseTable.Capacity - 16,
            $"the clause table is already nearly full ({ConditionClauseTable.Count} of {ConditionClauseTable.Capacity}): did the capacity test run first?");
}
