namespace AuthorizerConformance.Policy;

/// <summary>
/// A validated policy document compiled into matchers: immutable, thread-safe, and meant to be reused for every
/// request (the hot path of scenarios and of the result-cache emulation). Build one with <see cref="PolicyParser"/>.
/// </summary>
/// <remarks>
/// A compiled policy keeps only what deciding an execute-api:Invoke request reads: the plan's flat tables
/// (CompiledPolicy.Plan.cs), the condition clauses, and the deciding-statement records. The statements as written and
/// their general matchers, needed only for explanations, the canonical print and other actions, are rebuilt from the
/// source text on first use. Thousands of compiled policies (a generated run, a cache of authorizer results) then stay
/// a few hundred bytes each, packed together, instead of kilobytes of parse objects between the bytes that are read.
/// </remarks>
public sealed partial class CompiledPolicy
{
    private readonly string _source;
    private readonly PolicyOptions _options;
    private readonly bool _needsSegments;

    // The statements as parsed, rebuilt from _source on first use (computed twice on a race: harmless, parsing is pure).
    private CompiledStatement[]? _statements;

    // The shared evaluation for a request every statement matches (computed twice on a race: harmless, it is pure).
    private PolicyEvaluation? _allMatched;

    internal CompiledPolicy(
        string source, PolicyOptions options, string? versionText, string? id, bool statementWasObject, CompiledStatement[] statements)
    {
        _source = source;
        _options = options;
        VersionText = versionText;
        Id = id;
        StatementWasObject = statementWasObject;
        _needsSegments = Array.Exists(statements, s => s.NeedsSegments);
        (_plans, _entries, _matchers, _tokens, _text) = BuildPlan(statements);
    }

    /// <summary>The <c>Version</c> element as written, or null when absent.</summary>
    public string? VersionText { get; }

    /// <summary>The <c>Id</c> element, or null when absent.</summary>
    public string? Id { get; }

    /// <summary>True when <c>Statement</c> was a single object rather than an array (POL-9: accepted, flagged).</summary>
    public bool StatementWasObject { get; }

    /// <summary>Number of statements.</summary>
    public int StatementCount => _plans.Length;

    /// <summary>The statements as parsed, with their general matchers: explanations, printing, other actions.</summary>
    internal CompiledStatement[] Statements => Volatile.Read(ref _statements) ??
        Interlocked.CompareExchange(ref _statements, PolicyParser.Reparse(_source, _options), null) ?? _statements!;

    /// <summary>
    /// Decides one request (§1.7, POL-1): ExplicitDeny when any matching statement is a Deny, else Allow when any
    /// matching statement is an Allow, else ImplicitDeny. Statement order never matters; every matching statement of
    /// the winning effect is reported.
    /// </summary>
    public PolicyEvaluation Evaluate(PolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = request.Resource ?? "";
        // Entries compiled to whole-ARN patterns never read a segment: split the request ARN only when one does.
        var arn = _needsSegments ? new ArnView(resource) : ArnView.Unsplit(resource);
        var context = new RequestContext(request.Context);
        var action = request.Action ?? "";
        var invoke = string.Equals(action, PolicyRequest.InvokeAction, StringComparison.Ordinal);
        var n = _plans.Length;
        // Which statements matched: bits of one word for up to 64 statements, an array beyond.
        var matched = new Matched(n);
        int allows = 0, denies = 0, lastAllow = -1, lastDeny = -1;
        for (var i = 0; i < n; i++)
        {
            if (!(invoke ? AppliesToInvoke(i, arn, context) : Statements[i].Match(action, arn, context) is null))
                continue;
            matched.Add(i);
            var effect = _plans[i].Effect;
            switch (effect)
            {
                case PolicyEffect.Deny:
                    denies++;
                    lastDeny = i;
                    break;
                case PolicyEffect.Allow:
                    allows++;
                    lastAllow = i;
                    break;
                default:
                    throw new InvalidOperationException($"unknown effect {effect}");
            }
        }
        // Every statement matched: the outcome depends on the policy alone, so it is built once and shared.
        if (allows + denies == n)
            return _allMatched ??= Decide(matched, allows, denies, lastAllow, lastDeny, null);
        return Decide(matched, allows, denies, lastAllow, lastDeny, request);
    }

    // request: null when every statement matched (nothing to explain), else the request NotMatched is computed from.
    private PolicyEvaluation Decide(in Matched matched, int allows, int denies, int lastAllow, int lastDeny, PolicyRequest? request)
    {
        var (decision, deciding) = denies > 0
            ? (PolicyDecision.ExplicitDeny, Deciding(matched, denies, lastDeny, PolicyEffect.Deny))
            : allows > 0
                ? (PolicyDecision.Allow, Deciding(matched, allows, lastAllow, PolicyEffect.Allow))
                : (PolicyDecision.ImplicitDeny, []);
        return request is null ? new PolicyEvaluation(decision, deciding, []) : new PolicyEvaluation(decision, deciding, this, request);
    }

    private IReadOnlyList<DecidingStatement> Deciding(in Matched matched, int count, int last, PolicyEffect effect)
    {
        if (count == 1)
            return _plans[last].DecidingAlone;
        var result = new DecidingStatement[count];
        var k = 0;
        for (var i = 0; i < _plans.Length; i++)
        {
            if (matched.Contains(i) && _plans[i].Effect == effect)
                result[k++] = _plans[i].Deciding;
        }
        return result;
    }

    /// <summary>A set of statement indexes: one word's bits for up to 64 statements, an array beyond.</summary>
    private struct Matched(int count)
    {
        private const int WordBits = 64;
        private readonly bool[]? _wide = count > WordBits ? new bool[count] : null;
        private ulong _bits;

        public void Add(int index)
        {
            if (_wide is null)
                _bits |= 1UL << index;
            else
                _wide[index] = true;
        }

        public readonly bool Contains(int index) => _wide?[index] ?? ((_bits >> index) & 1) != 0;
    }
}
