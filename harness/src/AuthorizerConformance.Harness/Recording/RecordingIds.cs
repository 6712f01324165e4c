using System.Security.Cryptography;
using System.Text;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>
/// A scenario's id in a recording set: <c>feature-slug/scenario-slug</c>, and for an Examples row
/// <c>--values-slug-hash</c> (the row's values, shortened, and 8 hex digits of their SHA-256, so two rows never share a
/// file). Ids are file paths under the set's folder, so only <c>a-z 0-9 -</c> and one <c>/</c>.
/// </summary>
public static class RecordingIds
{
    private const int MaxSlug = 60;

    /// <summary>The id of scenario <paramref name="scenario"/> of <paramref name="feature"/> with the Examples row <paramref name="exampleValues"/>.</summary>
    public static string For(string feature, string scenario, IReadOnlyList<string> exampleValues)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(exampleValues);
        var id = Slug(feature) + "/" + Slug(scenario);
        if (exampleValues.Count == 0)
            return id;
        var joined = string.Join("\u001f", exampleValues);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..8];
        var values = Slug(string.Join("-", exampleValues));
        return id + "--" + (values.Length > 0 ? values + "-" : "") + hash;
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
            if (slug.Length >= MaxSlug)
                break;
        }
        return slug.ToString().Trim('-');
    }
}
