using System.Collections;

namespace AuthorizerConformance.Policy;

/// <summary>
/// The statements that did not match, computed on first access: building explanations costs string formatting the
/// hot path (a scenario, the result cache) usually never reads.
/// </summary>
internal sealed class MismatchList(IReadOnlyList<CompiledStatement> statements, PolicyRequest request) : IReadOnlyList<StatementMismatch>
{
    private StatementMismatch[]? _items;

    // Computing twice on a race is harmless: the result is the same and the evaluation is pure.
    private StatementMismatch[] Items => Volatile.Read(ref _items) ?? Interlocked.CompareExchange(ref _items, Compute(statements, request), null) ?? _items!;

    public StatementMismatch this[int index] => Items[index];

    public int Count => Items.Length;

    public IEnumerator<StatementMismatch> GetEnumerator() => ((IEnumerable<StatementMismatch>)Items).GetEnumerator();

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
