namespace AuthorizerConformance.Policy;

/// <summary>
/// One compiled <c>Resource</c>/<c>NotResource</c> entry (§1.4, POL-4, POL-5). Matching is case-sensitive in every
/// segment. <c>"*"</c> matches everything. In a full ARN each of partition, service, region and account is matched on
/// its own (no wildcard crosses <c>:</c> there) and the resource part is one pattern in which <c>*</c> crosses both
/// <c>/</c> and <c>:</c>. A short ARN whose last segment ends in <c>*</c> (<c>arn:aws:execute-api:us-east-1:*</c>)
/// matches to the end of the request ARN; a short ARN without that trailing <c>*</c> matches nothing.
/// </summary>
/// <remarks>
/// When every segment before the last is plain text and the last holds no variable (the usual authorizer entry), the
/// literal segments pin the request's colons, so the entry is compiled to one pattern over the whole request ARN
/// (<see cref="Whole"/>) and no split of the request is needed.
/// </remarks>
internal sealed class ResourcePattern
{
    private readonly Glob[] _segments;
    private readonly bool _all;
    private readonly bool _trailing;

    private ResourcePattern(string text, Glob[] segments, bool all, bool trailing, Glob? whole)
    {
        Text = text;
        _segments = segments;
        _all = all;
        _trailing = trailing;
        Whole = whole;
    }

    /// <summary>The entry as written in the policy.</summary>
    public string Text { get; }

    /// <summary>
    /// The entry as one pattern over the whole request ARN (<c>"*"</c> included), when it can be; null when segments
    /// are matched one by one.
    /// </summary>
    public Glob? Whole { get; }

    /// <summary>True when matching reads the request's segments (<see cref="ArnView"/> must be split).</summary>
    public bool NeedsSegments => Whole is null;

    /// <summary>The per-segment patterns when <see cref="Whole"/> is null (empty otherwise).</summary>
    public IReadOnlyList<Glob> Segments => _segments;

    /// <summary>True for a short ARN whose last segment ends in <c>*</c>: it matches to the end of the request ARN.</summary>
    public bool Trailing => _trailing;

    /// <summary>True when the last segment holds a policy variable (resolved per request).</summary>
    public bool HasVariables => _segments.Length > 0 && _segments[^1].HasVariables;

    /// <summary>
    /// Compiles a validated entry. Policy variables are recognised only in the resource part of the ARN and only
    /// under Version 2012-10-17 (§1.2).
    /// </summary>
    public static ResourcePattern Compile(string text, bool variables)
    {
        if (text == "*")
            return new ResourcePattern(text, [], all: true, trailing: false, Glob.Compile(text, ignoreCase: false));
        var parts = SplitSegments(text);
        var globs = new Glob[parts.Count];
        for (var i = 0; i < parts.Count; i++)
            globs[i] = Glob.Compile(parts[i], ignoreCase: false, variables: variables && i == ArnView.FullSegments - 1);
        var trailing = parts.Count < ArnView.FullSegments && globs[^1].EndsWithStar;
        if ((parts.Count == ArnView.FullSegments || trailing) && !globs[^1].HasVariables && globs[..^1].All(g => g.IsLiteral))
        {
            // Segments are not kept: the whole-ARN pattern answers for them (and a smaller policy stays in cache).
            var whole = Glob.Concat(string.Concat(parts[..^1].Select(p => p + ":")), globs[^1]);
            return new ResourcePattern(text, [], all: false, trailing, whole);
        }
        return new ResourcePattern(text, globs, all: false, trailing, whole: null);
    }

    /// <summary>Splits at the first five colons, as <see cref="ArnView"/> does.</summary>
    public static List<string> SplitSegments(string text)
    {
        var parts = new List<string>(ArnView.FullSegments);
        var start = 0;
        while (parts.Count < ArnView.FullSegments - 1)
        {
            var colon = text.IndexOf(':', start);
            if (colon < 0)
                break;
            parts.Add(text[start..colon]);
            start = colon + 1;
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Whether the request ARN is covered by this entry.</summary>
    public bool IsMatch(in ArnView request, RequestContext context)
    {
        if (_all)
            return true;
        if (Whole is not null)
            return Whole.IsMatch(request.Text);
        var count = _segments.Length;
        if (count == ArnView.FullSegments)
        {
            if (request.SegmentCount != ArnView.FullSegments)
                return false;
        }
        else if (!_trailing || request.SegmentCount < count)
        {
            return false;
        }
        for (var i = 0; i < count - 1; i++)
        {
            if (!_segments[i].IsMatch(request.Segment(i)))
                return false;
        }
        var last = _segments[count - 1].Resolve(context);
        // §1.2: a variable with no value makes the entry match nothing.
        return last is not null && last.IsMatch(count == ArnView.FullSegments ? request.Segment(count - 1) : request.From(count - 1));
    }
}
