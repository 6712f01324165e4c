using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// <see cref="PolicyEvaluation"/> keeps the shape of the positional record it was (constructor, init properties,
/// <c>Deconstruct</c>, <c>with</c>), while an evaluation from <see cref="CompiledPolicy.Evaluate"/> computes
/// <see cref="PolicyEvaluation.NotMatched"/> only when it is read, once.
/// </summary>
public class PolicyEvaluationRecordTests
{
    private const string TeamOrOrders = $$$$"""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Team","Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{{{PolicyKit.GetUsers}}}}","Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}},
          {"Sid":"Orders","Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{{{PolicyKit.Api}}}}/prod/GET/orders"}
        ]}
        """;

    private static readonly IReadOnlyList<DecidingStatement> Deciding = [new DecidingStatement(0, "A", PolicyEffect.Allow)];

    private static readonly IReadOnlyList<StatementMismatch> Mismatches =
        [new StatementMismatch(1, null, PolicyEffect.Deny, MismatchReason.Resource, "resource 'x' matches none of Resource [\"y\"]")];

    [Fact]
    public void The_public_constructor_round_trips_through_Deconstruct()
    {
        var evaluation = new PolicyEvaluation(PolicyDecision.Allow, Deciding, Mismatches);

        var (decision, deciding, notMatched) = evaluation;

        Assert.Equal(PolicyDecision.Allow, decision);
        Assert.Same(Deciding, deciding);
        Assert.Same(Mismatches, notMatched);
        Assert.Same(Mismatches, evaluation.NotMatched);
    }

    [Fact]
    public void A_with_copy_changes_only_what_it_names()
    {
        var evaluation = new PolicyEvaluation(PolicyDecision.Allow, Deciding, Mismatches);

        var denied = evaluation with { Decision = PolicyDecision.ExplicitDeny };
        var explained = evaluation with { NotMatched = [] };

        Assert.Equal(PolicyDecision.ExplicitDeny, denied.Decision);
        Assert.Same(Deciding, denied.DecidingStatements);
        Assert.Same(Mismatches, denied.NotMatched);
        Assert.Equal(PolicyDecision.Allow, evaluation.Decision);
        Assert.Empty(explained.NotMatched);
        Assert.Same(Mismatches, evaluation.NotMatched);
    }

    [Fact]
    public void Evaluations_with_equal_parts_are_equal() =>
        Assert.Equal(new PolicyEvaluation(PolicyDecision.Allow, Deciding, Mismatches), new PolicyEvaluation(PolicyDecision.Allow, Deciding, Mismatches));

    [Fact]
    public void Reading_NotMatched_changes_neither_equality_nor_the_hash_code()
    {
        var policy = PolicyKit.Compile(PolicyKit.One(resource: "\"arn:aws:execute-api:*:*:*/*/POST/*\""));
        var evaluation = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, PolicyKit.GetUsers));
        var set = new HashSet<PolicyEvaluation> { evaluation };
        var hash = evaluation.GetHashCode();

        var notMatched = evaluation.NotMatched;

        Assert.Equal(hash, evaluation.GetHashCode());
        Assert.Contains(evaluation, set);
        Assert.Equal(evaluation, new PolicyEvaluation(evaluation.Decision, evaluation.DecidingStatements, notMatched));
        Assert.NotEqual(evaluation, new PolicyEvaluation(evaluation.Decision, evaluation.DecidingStatements, [.. notMatched]));
    }

    [Fact]
    public void NotMatched_of_an_evaluation_is_computed_when_first_read_and_then_kept()
    {
        var context = new CountingContext(PolicyKit.Context(("aws:PrincipalTag/team", "red")));
        var evaluation = PolicyKit.Compile(TeamOrOrders).Evaluate(new PolicyRequest(PolicyKit.Invoke, PolicyKit.GetUsers, context));
        var readsByEvaluate = context.Reads;

        var first = evaluation.NotMatched;
        var readsByFirst = context.Reads;
        var second = evaluation.NotMatched;

        Assert.Equal(PolicyDecision.ImplicitDeny, evaluation.Decision);
        Assert.True(readsByFirst > readsByEvaluate, "reading NotMatched the first time should evaluate the statements against the context");
        Assert.Same(first, second);
        Assert.Equal(readsByFirst, context.Reads);
        Assert.Equal(
            [
                new StatementMismatch(0, "Team", PolicyEffect.Allow, MismatchReason.Condition,
                    """condition does not hold: StringEquals aws:PrincipalTag/team ["blue"] (request value ["red"])"""),
                new StatementMismatch(1, "Orders", PolicyEffect.Allow, MismatchReason.Resource,
                    $"resource '{PolicyKit.GetUsers}' matches none of Resource [\"{PolicyKit.Api}/prod/GET/orders\"]"),
            ],
            first);
    }

    [Fact]
    public void Deconstruct_and_with_on_an_evaluation_give_the_computed_NotMatched()
    {
        var evaluation = PolicyKit.Compile(TeamOrOrders).Evaluate(
            new PolicyRequest(PolicyKit.Invoke, PolicyKit.GetUsers, PolicyKit.Context(("aws:PrincipalTag/team", "red"))));

        // Copied before NotMatched was ever read: the copy computes the same list.
        var copy = evaluation with { Decision = PolicyDecision.ExplicitDeny };
        var (decision, deciding, notMatched) = evaluation;

        Assert.Equal(PolicyDecision.ImplicitDeny, decision);
        Assert.Empty(deciding);
        Assert.Same(evaluation.NotMatched, notMatched);
        Assert.Equal([0, 1], notMatched.Select(m => m.Index));
        Assert.Equal(PolicyDecision.ExplicitDeny, copy.Decision);
        Assert.Same(evaluation.DecidingStatements, copy.DecidingStatements);
        Assert.Equal(notMatched, copy.NotMatched);
    }

    [Theory]
    [InlineData(PolicyKit.Invoke)]
    [InlineData("execute-api:InvalidateCache")]
    public void When_every_statement_matches_NotMatched_is_empty(string action)
    {
        var json = $$$$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"execute-api:*","Resource":"{{{{PolicyKit.Api}}}}/*"},
              {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}}
            ]}
            """;

        var evaluation = PolicyKit.Evaluate(json, PolicyKit.GetUsers, action, PolicyKit.Context(("aws:PrincipalTag/team", "red")));

        Assert.Equal(PolicyDecision.ExplicitDeny, evaluation.Decision);
        Assert.Equal([1], evaluation.DecidingStatements.Select(d => d.Index));
        Assert.Empty(evaluation.NotMatched);
    }

    /// <summary>A request context that counts how often it is read (lookups and scans).</summary>
    private sealed class CountingContext(Dictionary<string, IReadOnlyList<string>> values) : IReadOnlyDictionary<string, IReadOnlyList<string>>
    {
        public int Reads { get; private set; }

        public IReadOnlyList<string> this[string key]
        {
            get
            {
                Reads++;
                return values[key];
            }
        }

        public IEnumerable<string> Keys => values.Keys;

        public IEnumerable<IReadOnlyList<string>> Values => values.Values;

        public int Count => values.Count;

        public bool ContainsKey(string key)
        {
            Reads++;
            return values.ContainsKey(key);
        }

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<string> value)
        {
            Reads++;
            return values.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
        {
            Reads++;
            return values.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
