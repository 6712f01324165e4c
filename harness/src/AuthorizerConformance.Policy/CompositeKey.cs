using System.Globalization;
using System.Text;

namespace AuthorizerConformance.Policy;

/// <summary>
/// The one routine that builds a lookup key out of several strings (STYLE 19): every part is prefixed with its length,
/// so no choice of parts, whatever characters they hold, gives another list's key. A separator character alone is not
/// enough: <c>a␟b</c>+<c>c</c> and <c>a</c>+<c>b␟c</c> would collide (issue 16, defect 1).
/// </summary>
public static class CompositeKey
{
    /// <summary>The key of <paramref name="parts"/>, in order.</summary>
    public static string Of(IEnumerable<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder();
        foreach (var part in parts)
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        return text.ToString();
    }

    /// <summary>The key of <paramref name="first"/> followed by <paramref name="rest"/>.</summary>
    public static string Of(string first, IEnumerable<string> rest) => Of([first, .. rest]);
}
