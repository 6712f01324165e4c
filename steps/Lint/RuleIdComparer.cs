namespace AuthorizerConformance.Steps.Lint;

/// <summary>Orders rule ids by prefix, then numerically: TOK-2 before TOK-10; IAM-1.2 before IAM-1.10.</summary>
public sealed class RuleIdComparer : IComparer<string>
{
    public static RuleIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return string.CompareOrdinal(x, y);
        var (px, nx) = Split(x);
        var (py, ny) = Split(y);
        var byPrefix = string.CompareOrdinal(px, py);
        return byPrefix != 0 ? byPrefix : nx.CompareTo(ny);
    }

    private static (string Prefix, decimal Number) Split(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash > 0 && decimal.TryParse(id[(dash + 1)..], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? (id[..dash], n)
            : (id, 0);
    }
}
