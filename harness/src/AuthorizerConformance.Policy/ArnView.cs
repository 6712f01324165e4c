using System.Runtime.CompilerServices;

namespace AuthorizerConformance.Policy;

/// <summary>
/// A request ARN split at its first five colons without allocating: segments 0–4 are <c>arn</c>, partition, service,
/// region and account; segment 5 is the resource part, which may itself contain colons (§1.4).
/// </summary>
internal readonly struct ArnView
{
    /// <summary>Number of segments in a full ARN.</summary>
    public const int FullSegments = 6;

    private const string CommonPrefix = "arn:aws:execute-api:";

    private readonly int _c1, _c2, _c3, _c4, _c5;

    public ArnView(string text)
        : this(text, split: true)
    {
    }

    private ArnView(string text, bool split)
    {
        Text = text;
        if (!split)
            return;
        // Nearly every request ARN starts "arn:aws:execute-api:" (one vectorised compare fixes the first three colons);
        // the short region and account are then scanned for the other two.
        var found = 0;
        var from = 0;
        _c1 = _c2 = _c3 = _c4 = _c5 = -1;
        if (text.StartsWith(CommonPrefix, StringComparison.Ordinal))
        {
            (_c1, _c2, _c3) = (3, 7, CommonPrefix.Length - 1);
            found = 3;
            from = CommonPrefix.Length;
        }
        for (var i = from; i < text.Length && found < FullSegments - 1; i++)
        {
            if (text[i] != ':')
                continue;
            switch (++found)
            {
                case 1: _c1 = i; break;
                case 2: _c2 = i; break;
                case 3: _c3 = i; break;
                case 4: _c4 = i; break;
                default: _c5 = i; break;
            }
        }
        SegmentCount = found + 1;
    }

    /// <summary>The ARN text.</summary>
    public string Text { get; }

    /// <summary>1 to 6; 0 for a view made by <see cref="Unsplit"/>.</summary>
    public int SegmentCount { get; }

    /// <summary>
    /// A view that only carries the text, for a policy whose entries all match the whole ARN at once (see
    /// <see cref="ResourcePattern"/>): the split is skipped because nothing reads a segment.
    /// </summary>
    public static ArnView Unsplit(string text) => new(text, split: false);

    /// <summary>Segment <paramref name="index"/> (0-based); the last one runs to the end of the text.</summary>
    public ReadOnlySpan<char> Segment(int index)
    {
        var start = Start(index);
        var end = index + 1 < SegmentCount ? Colon(index + 1) : Text.Length;
        return Text.AsSpan(start, end - start);
    }

    /// <summary>Everything from the start of segment <paramref name="index"/> to the end, colons included.</summary>
    public ReadOnlySpan<char> From(int index) => Text.AsSpan(Start(index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Start(int index) => index == 0 ? 0 : Colon(index) + 1;

    // n is 1..5 (callers stay below SegmentCount); no throwing arm.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Colon(int n) => n switch
    {
        1 => _c1,
        2 => _c2,
        3 => _c3,
        4 => _c4,
        _ => _c5,
    };
}
