using System.Text;

namespace AuthorizerConformance.Policy;

public sealed partial class CompiledPolicy
{
    // The evaluation plan: what Evaluate reads for an execute-api:Invoke request, in three flat tables allocated
    // together at the end of compilation. A policy's statements, resource patterns and their literal text then sit in a
    // few adjacent cache lines instead of dozens of objects spread over the heap; evaluating many distinct policies in
    // turn (the oracle-ratio run, a cache of authorizer results) is bound by those memory reads, not by comparisons.
    private readonly StatementPlan[] _plans;
    private readonly MatcherPlan[] _matchers;
    private readonly string _text;

    /// <summary>One statement: its effect, how it treats execute-api:Invoke, and its range in the matcher table.</summary>
    private readonly record struct StatementPlan(
        PolicyEffect Effect, bool InvokeApplies, bool IsNotResource, bool HasConditions, bool Fallback, int First, int Count);

    /// <summary>One whole-ARN resource pattern: its shape and fixed text (offsets into the policy's text table).</summary>
    private readonly record struct MatcherPlan(
        GlobShape Shape, int HeadStart, int HeadLength, int TailStart, int TailLength, int MinLength, bool HasStar, Glob Glob);

    private static (StatementPlan[] Plans, MatcherPlan[] Matchers, string Text) BuildPlan(CompiledStatement[] statements)
    {
        var matchers = new List<MatcherPlan>();
        var text = new StringBuilder();
        var plans = new StatementPlan[statements.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            var first = matchers.Count;
            // A statement with a segment-wise or variable entry is evaluated by CompiledStatement.Match instead.
            var fallback = statement.NeedsSegments;
            if (!fallback)
            {
                foreach (var resource in statement.Resources)
                {
                    var glob = resource.Whole!;
                    var head = Append(text, glob.Head);
                    var tail = Append(text, glob.Tail);
                    matchers.Add(new MatcherPlan(glob.Shape, head, glob.Head.Length, tail, glob.Tail.Length, glob.MinLength, glob.HasStar, glob));
                }
            }
            var model = statement.Model;
            plans[i] = new StatementPlan(model.Effect, statement.InvokeApplies, model.IsNotResource, statement.HasConditions,
                fallback, first, matchers.Count - first);
        }
        return (plans, [.. matchers], text.ToString());
    }

    private static int Append(StringBuilder text, string part)
    {
        var start = text.Length;
        text.Append(part);
        return start;
    }

    /// <summary>Whether statement <paramref name="i"/> applies to an execute-api:Invoke request.</summary>
    private bool AppliesToInvoke(int i, in ArnView arn, RequestContext context)
    {
        ref readonly var plan = ref _plans[i];
        if (plan.Fallback)
            return _statements[i].Match(PolicyRequest.InvokeAction, arn, context) is null;
        if (!plan.InvokeApplies)
            return false;
        var resource = arn.Text.AsSpan();
        var any = false;
        for (var m = plan.First; m < plan.First + plan.Count; m++)
        {
            ref readonly var matcher = ref _matchers[m];
            if (matcher.Shape == GlobShape.General
                    ? matcher.Glob.IsMatch(resource)
                    : Glob.MatchShape(resource, matcher.Shape, _text.AsSpan(matcher.HeadStart, matcher.HeadLength),
                        _text.AsSpan(matcher.TailStart, matcher.TailLength), matcher.MinLength, matcher.HasStar))
            {
                any = true;
                break;
            }
        }
        // POL-7: NotResource applies when the request matches none of the entries.
        if (any == plan.IsNotResource)
            return false;
        return !plan.HasConditions || _statements[i].ConditionsHold(context);
    }
}
