using System.Collections;

namespace AuthorizerConformance.Policy;

/// <summary>
/// The statements that did not match, computed on first access: building explanations costs string formatting the
/// hot path (a scenario, the result cache) usually never reads.
/// </summary>
internal sealed class MismatchList(IReadOnlyList<CompiledStatement> statements, PolicyRequest request) : IReadOnlyList<StatementMismatch>
{
    private readonly Lazy<StatementMismatch[]> _items = new(() => Compute(statements, request));

    public StatementMismatch this[int index] => _items.Value[index];

    public int Count => _items.Value.Length;

    public IEnumerator<StatementMismatch> GetEnumerator() => ((IEnumerable<StatementMismatch>)_items.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static StatementMismatch[] Compute(IReadOnlyList<CompiledStatement> statements, PolicyRequest request)
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
