namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// §1.4: a request ARN is split at its first five colons. <see cref="ArnView"/> fixes the first three colons at once
/// when the text starts <c>arn:aws:execute-api:</c>; its segments must be those of a plain split either way.
/// </summary>
public class ArnViewTests
{
    public static TheoryData<string> Arns => new(
        // Full ARNs, on the fast path and beside it.
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users",
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/",
        "arn:aws:execute-api:eu-west-3:1:x",
        "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/GET/users",
        "arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/prod/GET/users",
        "arn:aws:s3:::bucket/key",
        // Colons inside the resource part stay in the last segment.
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/a:b:c",
        "arn:aws:execute-api:us-east-1:123456789012::::",
        // Short ARNs: 5, 4 and 3 segments, and the bare common prefix.
        "arn:aws:execute-api:us-east-1:123456789012",
        "arn:aws:execute-api:us-east-1",
        "arn:aws:execute-api",
        "arn:aws:execute-api:",
        "arn:aws:execute-api::",
        // Near misses of the common prefix (ordinal, whole word).
        "ARN:AWS:EXECUTE-API:us-east-1:123456789012:abc123/prod/GET/users",
        "arn:aws:execute-apix:us-east-1:123456789012:abc123/prod/GET/users",
        "arn:aws:execute-ap:us-east-1:123456789012:abc123",
        // Degenerate text.
        "",
        "no-colon-at-all",
        ":",
        ":::::",
        "::::::::");

    [Theory]
    [MemberData(nameof(Arns))]
    public void Segments_are_those_of_a_split_at_the_first_five_colons(string text)
    {
        var expected = ReferenceSplit(text);

        var view = new ArnView(text);

        Assert.Equal(expected.Count, view.SegmentCount);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], view.Segment(i).ToString());
            Assert.Equal(string.Join(':', expected.Skip(i)), view.From(i).ToString());
        }
    }

    [Fact]
    public void The_fast_path_gives_the_five_parts_of_a_method_ARN()
    {
        var view = new ArnView("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/a:b");

        Assert.Equal(ArnView.FullSegments, view.SegmentCount);
        Assert.Equal(["arn", "aws", "execute-api", "us-east-1", "123456789012", "abc123/prod/GET/a:b"],
            Enumerable.Range(0, view.SegmentCount).Select(i => view.Segment(i).ToString()));
        Assert.Equal("123456789012:abc123/prod/GET/a:b", view.From(4).ToString());
    }

    [Fact]
    public void The_bare_common_prefix_has_an_empty_fourth_segment()
    {
        var view = new ArnView("arn:aws:execute-api:");

        Assert.Equal(4, view.SegmentCount);
        Assert.Equal("execute-api", view.Segment(2).ToString());
        Assert.Equal("", view.Segment(3).ToString());
        Assert.Equal("", view.From(3).ToString());
    }

    // The obvious split: a segment ends at each of the first five colons; the sixth runs to the end of the text.
    private static List<string> ReferenceSplit(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c == ':' && parts.Count < 5)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        parts.Add(current.ToString());
        return parts;
    }
}
