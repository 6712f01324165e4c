namespace AuthorizerConformance.Policy;

/// <summary>
/// The statements that did not match a request, with the reason and an explanation: computed only when an
/// evaluation's <see cref="PolicyEvaluation.NotMatched"/> is first read, because building explanations costs string
/// formatting the hot path (a scenario, the result cache) usually never reads.
/// </summary>
internal static class StatementMismatches
{
    public static StatementMismatch[] Compute(IReadOnlyList<CompiledStatement> statements, PolicyRequest request)
    {
        var arn = new ArnView(request.Resource);
        var context = new RequestContext(request.Context);
        var result = new List<StatementMismatch>();
        foreach (var statement in statements)
        {
            if (statement.Match(request.Action, arn, context) is { } reason)
            {
                var model = statement.Model;
                result.Add(new StatementMismatch(model.Index, model.Sid, model.Effect, reason,
                    statement.Explain(reason, request, context)));
            }
        }
        return [.. result];
    }
}
