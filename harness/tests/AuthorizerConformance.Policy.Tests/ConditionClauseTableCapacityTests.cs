using AuthorizerConformance.Policy.Conditions;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// <see cref="ConditionClauseTable"/> is bounded: past <see cref="ConditionClauseTable.Capacity"/> distinct clauses it
/// stops growing and new clauses are simply not shared, which must not change any decision.
/// </summary>
[Collection(nameof(ProcessWideStateCollection))]
public class ConditionClauseTableCapacityTests
{
    private const int Distinct = 1101;

    [Fact]
    public void Past_its_capacity_the_table_stops_growing_and_every_policy_still_decides_by_its_own_condition()
    {
        var policies = Enumerable.Range(0, Distinct)
            .Select(i => PolicyKit.Compile(PolicyKit.One(condition: $$$"""{"StringEquals":{"custom:fill":"v{{{i}}}"}}""")))
            .ToArray();

        // This test runs alone and added more distinct clauses than the capacity, one at a time: the table is full.
        Assert.Equal(ConditionClauseTable.Capacity, ConditionClauseTable.Count);
        for (var i = 0; i < Distinct; i++)
        {
            var own = policies[i].Evaluate(Request($"v{i}"));
            var next = policies[i].Evaluate(Request($"v{i + 1}"));

            Assert.Equal(PolicyDecision.Allow, own.Decision);
            Assert.Equal(PolicyDecision.ImplicitDeny, next.Decision);
            Assert.Equal($"condition does not hold: StringEquals custom:fill [\"v{i}\"] (request value [\"v{i + 1}\"])", Assert.Single(next.NotMatched).Detail);
        }
    }

    [Fact]
    public void A_full_table_still_compiles_new_clauses_without_sharing_them()
    {
        // Fill first (idempotent: clauses already kept are found, not added again).
        for (var i = 0; i <= ConditionClauseTable.Capacity; i++)
            PolicyKit.Compile(PolicyKit.One(condition: $$$"""{"StringEquals":{"custom:fill":"v{{{i}}}"}}"""));
        const string Late = """{"StringEquals":{"custom:late":"after-capacity"}}""";

        var first = PolicyKit.Compile(PolicyKit.One(condition: Late));
        var second = PolicyKit.Compile(PolicyKit.One(condition: Late));

        Assert.True(ConditionClauseTable.Count <= ConditionClauseTable.Capacity, $"{ConditionClauseTable.Count} clauses kept");
        Assert.NotSame(first.Statements[0].Conditions[0], second.Statements[0].Conditions[0]);
        Assert.Equal(PolicyDecision.Allow, first.Evaluate(RequestWith("custom:late", "after-capacity")).Decision);
        Assert.Equal(PolicyDecision.ImplicitDeny, second.Evaluate(RequestWith("custom:late", "before")).Decision);
    }

    [Fact]
    public void Threads_adding_clauses_at_once_never_push_the_table_past_its_capacity()
    {
        for (var i = 0; i <= ConditionClauseTable.Capacity; i++)
            PolicyKit.Compile(PolicyKit.One(condition: $$$"""{"StringEquals":{"custom:fill":"v{{{i}}}"}}"""));

        Parallel.For(0, 256, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            PolicyKit.Compile(PolicyKit.One(condition: $$$"""{"StringEquals":{"custom:race":"r{{{i}}}"}}""")));

        Assert.Equal(ConditionClauseTable.Capacity, ConditionClauseTable.Count);
    }

    private static PolicyRequest Request(string fill) => RequestWith("custom:fill", fill);

    private static PolicyRequest RequestWith(string key, string value) =>
        new(PolicyKit.Invoke, PolicyKit.GetUsers, PolicyKit.Context((key, value)));
}
