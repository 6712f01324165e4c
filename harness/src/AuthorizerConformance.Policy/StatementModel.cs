namespace AuthorizerConformance.Policy;

/// <summary>A condition as written: operator name, key, values (numbers and booleans as their JSON text).</summary>
internal sealed record ConditionEntry(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>A validated statement as written in the document, before compilation; also what <c>ToJson</c> prints.</summary>
internal sealed record StatementModel(
    int Index,
    string? Sid,
    PolicyEffect Effect,
    bool IsNotAction,
    IReadOnlyList<string> Actions,
    bool IsNotResource,
    IReadOnlyList<string> Resources,
    IReadOnlyList<ConditionEntry>? Conditions);
