using AuthorizerConformance.Policy.Conditions;

namespace AuthorizerConformance.Policy;

/// <summary>
/// One statement compiled for repeated evaluation (§1.5): it applies when its action matches (NotAction: matches
/// none), its resource matches (NotResource: matches none), and every condition holds.
/// </summary>
internal sealed class CompiledStatement
{
    private readonly ConditionClause[] _conditions;
    private readonly bool _invokeApplies;
    private readonly bool _variables;

    // The compiled Action and Resource patterns.
    private readonly Matching _matching;

    public CompiledStatement(StatementModel model, bool variables, ConditionClause[] conditions, PolicyOptions options)
    {
        Model = model;
        _variables = variables;
        _conditions = conditions;
        var matching = Compile(options);
        _matching = matching;
        // POL-2: API Gateway always asks for execute-api:Invoke, so that answer is computed once, here.
        _invokeApplies = matching.AnyAction(PolicyRequest.InvokeAction) != model.IsNotAction;
        NeedsSegments = Array.Exists(matching.Resources, r => r.NeedsSegments);
        Deciding = new DecidingStatement(model.Index, model.Sid, model.Effect);
        DecidingAlone = [Deciding];
    }

    public StatementModel Model { get; }

    /// <summary>True when a resource entry matches segment by segment, so the request ARN must be split.</summary>
    public bool NeedsSegments { get; }

    /// <summary>Whether the Action/NotAction element lets <see cref="PolicyRequest.InvokeAction"/> through.</summary>
    public bool InvokeApplies => _invokeApplies;

    /// <summary>The compiled Resource/NotResource entries.</summary>
    public IReadOnlyList<ResourcePattern> Resources => _matching.Resources;

    /// <summary>The conditions, ANDed (empty when none).</summary>
    public ConditionClause[] Conditions => _conditions;

    /// <summary>True when the statement has a condition to check.</summary>
    public bool HasConditions => _conditions.Length > 0;

    public DecidingStatement Deciding { get; }

    /// <summary>A shared one-element list, so a single deciding statement costs no allocation.</summary>
    public IReadOnlyList<DecidingStatement> DecidingAlone { get; }

    /// <summary>Null when the statement applies; otherwise the first element that did not match.</summary>
    public MismatchReason? Match(string action, in ArnView arn, RequestContext context)
    {
        var actionApplies = string.Equals(action, PolicyRequest.InvokeAction, StringComparison.Ordinal)
            ? _invokeApplies
            : _matching.AnyAction(action) != Model.IsNotAction;
        if (!actionApplies)
            return MismatchReason.Action;
        if (_matching.AnyResource(arn, context) == Model.IsNotResource)
            return MismatchReason.Resource;
        return ConditionsHold(context) ? null : MismatchReason.Condition;
    }

    /// <summary>Whether every condition holds (§1.6: clauses are ANDed).</summary>
    public bool ConditionsHold(RequestContext context) => ConditionsHold(_conditions, context);

    /// <summary>Whether every one of <paramref name="conditions"/> holds (§1.6: clauses are ANDed).</summary>
    public static bool ConditionsHold(ConditionClause[] conditions, RequestContext context)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Holds(context))
                return false;
        }
        return true;
    }

    /// <summary>Why the statement did not match, for people.</summary>
    public string Explain(MismatchReason reason, PolicyRequest request, RequestContext context) => reason switch
    {
        MismatchReason.Action => (Model.IsNotAction
            ? $"action '{request.Action}' is excluded by NotAction {List(Model.Actions)}"
            : $"action '{request.Action}' matches none of Action {List(Model.Actions)}") + EmptyEntries.Note(Model.Actions, Model.IsNotAction),
        MismatchReason.Resource => (Model.IsNotResource
            ? $"resource '{request.Resource}' is excluded by NotResource {List(Model.Resources)}"
            : $"resource '{request.Resource}' matches none of Resource {List(Model.Resources)}") + EmptyEntries.Note(Model.Resources, Model.IsNotResource),
        MismatchReason.Condition => "condition does not hold: " + string.Join("; ",
            _conditions.Where(c => !c.Holds(context)).Select(c => $"{c} (request value {Show(context.TryGet(c.Key))})")),
        _ => throw new InvalidOperationException($"unknown mismatch reason {reason}"),
    };

    // §1.3: action names are case-insensitive; '*' and '?' are wildcards. Resource entries as ResourcePattern.Compile.
    // POL-12: the patterns are those the options read the entries as (EmptyEntries); the model keeps them as written.
    private Matching Compile(PolicyOptions options) => new(
        [.. EmptyEntries.Read(Model.Actions, Model.Effect, Model.IsNotAction, options).Select(a => Glob.Compile(a, ignoreCase: true))],
        [.. EmptyEntries.Read(Model.Resources, Model.Effect, Model.IsNotResource, options).Select(r => ResourcePattern.Compile(r, _variables))]);

    private sealed class Matching(Glob[] actions, ResourcePattern[] resources)
    {
        public ResourcePattern[] Resources => resources;

        public bool AnyAction(string action)
        {
            foreach (var pattern in actions)
            {
                if (pattern.IsMatch(action))
                    return true;
            }
            return false;
        }

        public bool AnyResource(in ArnView arn, RequestContext context)
        {
            foreach (var pattern in resources)
            {
                if (pattern.IsMatch(arn, context))
                    return true;
            }
            return false;
        }
    }

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => $"\"{v}\"")) + "]";

    private static string Show(IReadOnlyList<string>? values) => values is null ? "absent" : List(values);
}
