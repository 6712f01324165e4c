namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// The edit distance "did you mean" ranks by (optimal string alignment): insertions, deletions, substitutions, and a
/// swap of two neighbours as one edit — over words for step lines, over characters for ids and tie-breaks.
/// </summary>
public static class EditDistance
{
    /// <summary>The number of edits that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Of<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : IEquatable<T>
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1].Equals(b[j - 1]) ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1].Equals(b[j - 2]) && a[i - 2].Equals(b[j - 1]))
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
