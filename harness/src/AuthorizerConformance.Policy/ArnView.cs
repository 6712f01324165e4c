namespace AuthorizerConformance.Policy;

/// <summary>
/// A request ARN split at its first five colons without allocating: segments 0–4 are <c>arn</c>, partition, service,
/// region and account; segment 5 is the resource part, which may itself contain colons (§1.4).
/// </summary>
internal readonly struct ArnView
{
    /// <summary>Number of segments in a full ARN.</summary>
    public const int FullSegments = 6;

    private readonly string _text;
    private readonly int _c1, _c2, _c3, _c4, _c5;

    public ArnView(string text)
    {
        _text = text;
        _c1 = text.IndexOf(':');
        _c2 = Next(text, _c1);
        _c3 = Next(text, _c2);
        _c4 = Next(text, _c3);
        _c5 = Next(text, _c4);
        SegmentCount = _c1 < 0 ? 1 : _c2 < 0 ? 2 : _c3 < 0 ? 3 : _c4 < 0 ? 4 : _c5 < 0 ? 5 : 6;
    }

    /// <summary>1 to 6.</summary>
    public int SegmentCount { get; }

    /// <summary>Segment <paramref name="index"/> (0-based); the last one runs to the end of the text.</summary>
    public ReadOnlySpan<char> Segment(int index)
    {
        var start = Start(index);
        var end = index + 1 < SegmentCount ? Colon(index + 1) : _text.Length;
        return _text.AsSpan(start, end - start);
    }

    /// <summary>Everything from the start of segment <paramref name="index"/> to the end, colons included.</summary>
    public ReadOnlySpan<char> From(int index) => _text.AsSpan(Start(index));

    private int Start(int index) => index == 0 ? 0 : Colon(index) + 1;

    private int Colon(int n) => n switch
    {
        1 => _c1,
        2 => _c2,
        3 => _c3,
        4 => _c4,
        5 => _c5,
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };

    private static int Next(string text, int previous) => previous < 0 ? -1 : text.IndexOf(':', previous + 1);
}
