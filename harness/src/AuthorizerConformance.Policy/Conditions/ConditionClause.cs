namespace AuthorizerConformance.Policy.Conditions;

/// <summary>
/// One operator/key pair of a <c>Condition</c> block with its values (§1.6). Values of one key are ORed; clauses of a
/// statement are ANDed by the statement.
/// </summary>
internal sealed class ConditionClause(ConditionOperator op, string key, IReadOnlyList<string> rawValues, ConditionValue[] values)
{
    // The operator's parts, copied here so evaluating a clause does not also read the operator object.
    private readonly OperatorFamily _family = op.Family;
    private readonly SetQualifier _qualifier = op.Qualifier;
    private readonly bool _negated = op.Negated;
    private readonly bool _ifExists = op.IfExists;

    /// <summary>The operator.</summary>
    public ConditionOperator Operator { get; } = op;

    /// <summary>The condition key as written (looked up case-insensitively).</summary>
    public string Key { get; } = key;

    /// <summary>The policy values as written, in order (numbers and booleans as their JSON text).</summary>
    public IReadOnlyList<string> RawValues { get; } = rawValues;

    /// <summary>Whether the clause holds for the request context.</summary>
    public bool Holds(RequestContext context)
    {
        var requestValues = context.TryGet(Key);
        if (_family == OperatorFamily.Null)
        {
            // Null: "true" holds when the key is absent, "false" when it is present.
            foreach (var value in values)
            {
                if (value.Matches(requestValues is null ? "true" : "false", context))
                    return true;
            }
            return false;
        }
        if (requestValues is null)
        {
            // Absent key: IfExists holds; ForAllValues holds on the empty set; ForAnyValue fails;
            // otherwise negated operators hold and positive ones fail (§1.6).
            return _ifExists || _qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                SetQualifier.None => _negated,
                _ => throw new InvalidOperationException($"unknown qualifier {_qualifier}"),
            };
        }
        return _qualifier switch
        {
            // A single-valued operator on a multi-valued key does not hold: use a set operator (as iam-simulate).
            SetQualifier.None => requestValues.Count == 1 && Single(requestValues[0], context),
            SetQualifier.ForAnyValue => AnyValue(requestValues, context, expected: true),
            SetQualifier.ForAllValues => !AnyValue(requestValues, context, expected: false),
            _ => throw new InvalidOperationException($"unknown qualifier {_qualifier}"),
        };
    }

    /// <summary>Text for explanations: <c>StringEquals aws:SourceVpc ["vpc-1"]</c>.</summary>
    public override string ToString() => $"{Operator.Name} {Key} [{string.Join(", ", RawValues.Select(v => $"\"{v}\""))}]";

    // Whether some request value gives Single(value) == expected (a loop, not LINQ: no closure per evaluation).
    private bool AnyValue(IReadOnlyList<string> requestValues, RequestContext context, bool expected)
    {
        for (var i = 0; i < requestValues.Count; i++)
        {
            if (Single(requestValues[i], context) == expected)
                return true;
        }
        return false;
    }

    private bool Single(string requestValue, RequestContext context)
    {
        var any = false;
        foreach (var value in values)
        {
            if (value.Matches(requestValue, context))
            {
                any = true;
                break;
            }
        }
        return any != _negated;
    }
}
