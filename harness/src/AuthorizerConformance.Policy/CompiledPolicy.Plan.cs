using AuthorizerConformance.Policy.Conditions;

namespace AuthorizerConformance.Policy;

public sealed partial class CompiledPolicy
{
    // The evaluation plan: what Evaluate reads for an execute-api:Invoke request, in flat tables allocated together at
    // the end of compilation. A policy's statements, resource entries, their patterns' tokens and literal text then sit
    // in a few adjacent cache lines instead of dozens of objects spread over the heap; evaluating many distinct policies
    // in turn (the oracle-ratio run, a cache of authorizer results) is bound by those memory reads, not by comparisons.
    // Segment-wise entries (a wildcard before the resource part) are in the tables too: one matcher per segment.
    private readonly StatementPlan[] _plans;
    private readonly EntryPlan[] _entries;
    private readonly MatcherPlan[] _matchers;
    private readonly FlatToken[] _tokens;
    private readonly string _text;

    /// <summary>
    /// One statement: its effect, how it treats execute-api:Invoke, its range in the entry table, its conditions (null
    /// when none), the compiled statement itself when it holds a policy variable (<paramref name="Fallback"/>: the plan
    /// cannot answer for it), and its deciding-statement record, alone and as a shared one-element list.
    /// </summary>
    private readonly record struct StatementPlan(
        PolicyEffect Effect, bool InvokeApplies, bool IsNotResource, int First, int Count, ConditionClause[]? Conditions,
        CompiledStatement? Fallback, DecidingStatement Deciding, IReadOnlyList<DecidingStatement> DecidingAlone);

    /// <summary>
    /// One resource entry: <paramref name="Segments"/> 0 for one whole-ARN matcher at <paramref name="First"/>, else a
    /// segment-wise entry of that many segments (§1.4, as <see cref="ResourcePattern.IsMatch"/>) whose first
    /// <paramref name="Skip"/> plain-text segments are one prefix of the request text (they hold no colon, so
    /// <c>arn:aws:execute-api:</c> pins the first three segments) and whose other segments have matchers from
    /// <paramref name="First"/>.
    /// </summary>
    private readonly record struct EntryPlan(int First, int Segments, bool Trailing, int Skip, int PrefixStart, int PrefixLength);

    /// <summary>
    /// One ordinal pattern: its shape and fixed text (offsets into the policy's text table); a general pattern's tokens
    /// are a range of the token table.
    /// </summary>
    private readonly record struct MatcherPlan(
        GlobShape Shape, int HeadStart, int HeadLength, int TailStart, int TailLength, int MinLength, bool HasStar, int TokenStart, int TokenCount);

    private sealed class PlanBuilder
    {
        public List<EntryPlan> Entries { get; } = [];

        public List<MatcherPlan> Matchers { get; } = [];

        public List<FlatToken> Tokens { get; } = [];

        // The policy's fixed text. A part already present (the same ARN prefix in every entry, a repeated literal) is
        // shared rather than appended again; the search is bounded so huge policies still compile in linear time.
        private const int ShareSearchLimit = 4096;
        private char[] _text = new char[256];
        private int _length;

        public int TextLength => _length;

        public string Text() => new(_text, 0, _length);

        public void AddEntry(ResourcePattern resource)
        {
            if (resource.Whole is { } whole)
            {
                Entries.Add(new EntryPlan(Matchers.Count, 0, resource.Trailing, 0, 0, 0));
                Add(whole);
                return;
            }
            var segments = resource.Segments;
            var skip = 0;
            while (skip < segments.Count - 1 && segments[skip].IsLiteral)
                skip++;
            var prefixText = string.Concat(segments.Take(skip).Select(g => g.Head + ":"));
            Entries.Add(new EntryPlan(Matchers.Count, segments.Count, resource.Trailing, skip, Append(prefixText), prefixText.Length));
            foreach (var glob in segments.Skip(skip))
                Add(glob);
        }

        private void Add(Glob glob)
        {
            var tokenStart = Tokens.Count;
            if (glob.Shape == GlobShape.General)
            {
                // The literals first: the head and tail are then found inside them and share their text. The head and
                // tail tokens are left out, because Matches checks them before the token loop and trims them off.
                var literals = Append(glob.Literals);
                var tokens = glob.FlatTokens;
                tokens = tokens[(glob.Head.Length > 0 ? 1 : 0)..(tokens.Length - (glob.Tail.Length > 0 ? 1 : 0))];
                foreach (var token in tokens)
                    Tokens.Add(token with { Start = token.Start + literals });
            }
            var head = Append(glob.Head);
            var tail = Append(glob.Tail);
            Matchers.Add(new MatcherPlan(glob.Shape, head, glob.Head.Length, tail, glob.Tail.Length, glob.MinLength, glob.HasStar,
                tokenStart, Tokens.Count - tokenStart));
        }

        private int Append(string part)
        {
            if (part.Length == 0)
                return 0;
            if (_length <= ShareSearchLimit)
            {
                var at = _text.AsSpan(0, _length).IndexOf(part);
                if (at >= 0)
                    return at;
            }
            if (_length + part.Length > _text.Length)
                Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + part.Length));
            var start = _length;
            part.CopyTo(_text.AsSpan(start));
            _length += part.Length;
            return start;
        }
    }

    private static (StatementPlan[] Plans, EntryPlan[] Entries, MatcherPlan[] Matchers, FlatToken[] Tokens, string Text) BuildPlan(
        CompiledStatement[] statements)
    {
        var builder = new PlanBuilder();
        var plans = new StatementPlan[statements.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            var first = builder.Entries.Count;
            // A statement with a policy-variable entry is evaluated by CompiledStatement.Match instead (§1.2).
            var fallback = statement.Resources.Any(r => r.HasVariables);
            if (!fallback)
            {
                foreach (var resource in statement.Resources)
                    builder.AddEntry(resource);
            }
            var model = statement.Model;
            plans[i] = new StatementPlan(model.Effect, statement.InvokeApplies, model.IsNotResource, first, builder.Entries.Count - first,
                statement.HasConditions ? statement.Conditions : null, fallback ? statement : null, statement.Deciding, statement.DecidingAlone);
        }
        return (plans, [.. builder.Entries], [.. builder.Matchers], [.. builder.Tokens], builder.Text());
    }

    /// <summary>Whether statement <paramref name="i"/> applies to an execute-api:Invoke request.</summary>
    private bool AppliesToInvoke(int i, in ArnView arn, RequestContext context)
    {
        ref readonly var plan = ref _plans[i];
        if (plan.Fallback is { } statement)
            return statement.Match(PolicyRequest.InvokeAction, arn, context) is null;
        if (!plan.InvokeApplies)
            return false;
        var any = false;
        for (var e = plan.First; e < plan.First + plan.Count; e++)
        {
            if (EntryMatches(_entries[e], arn))
            {
                any = true;
                break;
            }
        }
        // POL-7: NotResource applies when the request matches none of the entries.
        if (any == plan.IsNotResource)
            return false;
        return plan.Conditions is not { } conditions || CompiledStatement.ConditionsHold(conditions, context);
    }

    // POL-4, POL-5: as ResourcePattern.IsMatch, reading the plan's tables only.
    private bool EntryMatches(in EntryPlan entry, in ArnView arn)
    {
        var count = entry.Segments;
        if (count == 0)
            return Matches(_matchers[entry.First], arn.Text);
        if (count == ArnView.FullSegments)
        {
            if (arn.SegmentCount != ArnView.FullSegments)
                return false;
        }
        else if (!entry.Trailing || arn.SegmentCount < count)
        {
            return false;
        }
        if (!arn.Text.AsSpan().StartsWith(_text.AsSpan(entry.PrefixStart, entry.PrefixLength)))
            return false;
        var first = entry.First - entry.Skip;
        for (var s = entry.Skip; s < count - 1; s++)
        {
            if (!Matches(_matchers[first + s], arn.Segment(s)))
                return false;
        }
        return Matches(_matchers[first + count - 1], count == ArnView.FullSegments ? arn.Segment(count - 1) : arn.From(count - 1));
    }

    // Every shape is one rule (Glob.MatchFixedParts: length, head, tail); only a general pattern then runs its token loop,
    // over what lies between head and tail, without those two tokens (see PlanBuilder.Add).
    private bool Matches(in MatcherPlan matcher, ReadOnlySpan<char> text)
    {
        var table = _text.AsSpan();
        return Glob.MatchFixedParts(text, table.Slice(matcher.HeadStart, matcher.HeadLength), table.Slice(matcher.TailStart, matcher.TailLength),
                matcher.MinLength, matcher.HasStar) &&
            (matcher.Shape != GlobShape.General ||
             Glob.MatchGeneral(text[matcher.HeadLength..^matcher.TailLength], _tokens.AsSpan(matcher.TokenStart, matcher.TokenCount), table,
                 ignoreCase: false));
    }
}
