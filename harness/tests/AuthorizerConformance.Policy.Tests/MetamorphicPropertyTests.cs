using AuthorizerConformance.Policy.Tests.Generators;
using CsCheck;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// The metamorphic properties of iam-policy-evaluation §3, checked with CsCheck over generated policies near the
/// request (no oracle needed). A failure prints CsCheck's seed; rerun with it to reproduce.
/// </summary>
public class MetamorphicPropertyTests
{
    private const int Iterations = 400;

    private static PolicyEvaluation Eval(string json, CaseSpec c) => PolicyKit.Compile(json).Evaluate(c.Request());

    private static (PolicyDecision, string) Outcome(PolicyEvaluation e, Func<int, string> name) =>
        (e.Decision, string.Join(",", e.DecidingStatements.Select(d => name(d.Index)).Order(StringComparer.Ordinal)));

    [Fact]
    public void Statement_order_never_matters() =>
        PolicyGen.CaseWithSids.SelectMany(c => Gen.Shuffle(c.Policy.Statements).Select(s => (c, s))).Sample((c, shuffled) =>
        {
            var original = Eval(c.Policy.ToJson(), c);
            var reordered = Eval((c.Policy with { Statements = shuffled }).ToJson(), c);

            Assert.Equal(Outcome(original, i => c.Policy.Statements[i].Sid!), Outcome(reordered, i => shuffled[i].Sid!));
        }, iter: Iterations);

    [Fact]
    public void A_statement_object_is_the_same_as_a_one_element_array() =>
        PolicyGen.Case.Sample(c =>
        {
            var single = c.Policy with { Statements = [c.Policy.Statements[0]] };

            Assert.Equal(Outcome(Eval(single.ToJson(), c), i => $"{i}"), Outcome(Eval(single.ToJson(statementAsObject: true), c), i => $"{i}"));
        }, iter: Iterations);

    [Fact]
    public void A_string_is_the_same_as_a_one_element_array() =>
        PolicyGen.Case.Sample(c =>
            Assert.Equal(Outcome(Eval(c.Policy.ToJson(singlesAsString: true), c), i => $"{i}"),
                Outcome(Eval(c.Policy.ToJson(singlesAsString: false), c), i => $"{i}")), iter: Iterations);

    [Fact]
    public void Adding_a_statement_that_does_not_match_changes_nothing() =>
        PolicyGen.Case.Sample(c =>
        {
            // s3:GetObject never covers execute-api:Invoke, whatever the effect and resource.
            var extra = new StatementSpec("Extra", PolicyEffect.Deny, false, ["s3:GetObject"], false, ["*"], null);

            Assert.Equal(Outcome(Eval(c.Policy.ToJson(), c), i => $"{i}"), Outcome(Eval(c.Policy.With(extra).ToJson(), c), i => $"{i}"));
        }, iter: Iterations);

    [Fact]
    public void A_matching_Deny_always_wins() =>
        PolicyGen.Case.Sample(c =>
        {
            var deny = new StatementSpec("DenyAll", PolicyEffect.Deny, false, ["execute-api:Invoke"], false, [c.Resource], null);
            var policy = c.Policy.With(deny);

            var evaluation = Eval(policy.ToJson(), c);

            Assert.Equal(PolicyDecision.ExplicitDeny, evaluation.Decision);
            Assert.Contains(new DecidingStatement(policy.Statements.Length - 1, "DenyAll", PolicyEffect.Deny), evaluation.DecidingStatements);
        }, iter: Iterations);

    [Fact]
    public void Action_case_changes_nothing() =>
        PolicyGen.Case.Select(Gen.Bool).Sample((c, upper) =>
        {
            Func<string, string> flip = upper ? s => s.ToUpperInvariant() : s => s.ToLowerInvariant();
            var flipped = c.Policy with { Statements = [.. c.Policy.Statements.Select(s => s with { Actions = [.. s.Actions.Select(flip)] })] };
            var policy = PolicyKit.Compile(flipped.ToJson());

            var original = Eval(c.Policy.ToJson(), c);
            var changed = policy.Evaluate(c.Request() with { Action = flip(PolicyRequest.InvokeAction) });

            Assert.Equal(Outcome(original, i => $"{i}"), Outcome(changed, i => $"{i}"));
        }, iter: Iterations);

    [Fact]
    public void Parse_print_parse_is_parse() =>
        PolicyGen.Case.Sample(c =>
        {
            var first = PolicyKit.Compile(c.Policy.ToJson());
            var printed = first.ToJson();
            var second = PolicyKit.Compile(printed);

            Assert.Equal(printed, second.ToJson());
            Assert.Equal(Outcome(first.Evaluate(c.Request()), i => $"{i}"), Outcome(second.Evaluate(c.Request()), i => $"{i}"));
        }, iter: Iterations);

    [Fact]
    public void Mismatches_and_deciding_statements_partition_the_statements() =>
        PolicyGen.Case.Sample(c =>
        {
            var evaluation = Eval(c.Policy.ToJson(), c);
            var matchedLosers = c.Policy.Statements.Length - evaluation.NotMatched.Count - evaluation.DecidingStatements.Count;

            // Every statement is deciding, explained as not matching, or a matching Allow overruled by a Deny.
            Assert.True(matchedLosers == 0 || evaluation.Decision == PolicyDecision.ExplicitDeny);
            Assert.Empty(evaluation.NotMatched.Select(m => m.Index).Intersect(evaluation.DecidingStatements.Select(d => d.Index)));
        }, iter: Iterations);
}
