using System.Text.RegularExpressions;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// The rule ids of <c>docs/spec/</c>: every <c>* **TOK-6** …</c> bullet of the API Gateway spec with the confidences
/// (<c>**H**</c>, <c>**M**</c>, <c>**L**</c>, <c>**L/M**</c>…) written in it, plus the rows of its section N that update
/// or add rules; and the IAM spec's §1 subsections as <c>IAM-1.1</c> … <c>IAM-1.8</c>.
/// </summary>
public static partial class SpecRuleCatalog
{
    [GeneratedRegex(@"^\* \*\*(?<id>[A-Z]+-\d+)\*\*")]
    private static partial Regex RuleBullet();

    [GeneratedRegex(@"\*\*(?<c>[HML](?:/[HML])?)\*\*")]
    private static partial Regex Confidence();

    // "| New POL-12 |", "| POL-11 (message) |", "| New CAC-10 (HTTP) |", "| POL-7/8/9 |": a parenthesised qualifier
    // names which part of the rule the row updates; the row still updates that rule.
    [GeneratedRegex(@"^\| (?:New )?(?<ids>[A-Z]+-[0-9][A-Z0-9/ -]*?)(?: \([A-Za-z ]+\))? \|")]
    private static partial Regex UpdateRow();

    [GeneratedRegex(@"^### (?<section>1\.[1-8]) ")]
    private static partial Regex IamSection();

    /// <summary>Reads both spec files from <paramref name="specDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, SpecRule> Load(string specDirectory)
    {
        var confidences = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var inUpdates = false; // only section N's table rows update rules; other tables (the source key) do not
        foreach (var line in File.ReadLines(Path.Combine(specDirectory, "api-gateway-authorizers.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                inUpdates = line.StartsWith("## N.", StringComparison.Ordinal);
            if (RuleBullet().Match(line) is { Success: true } bullet)
            {
                current = bullet.Groups["id"].Value;
                Add(confidences, current, line);
                titles.TryAdd(current, Title(line[bullet.Length..]));
            }
            else if (inUpdates && UpdateRow().Match(line) is { Success: true } row)
            {
                current = null;
                foreach (var id in ExpandIds(row.Groups["ids"].Value))
                {
                    Add(confidences, id, line);
                    titles.TryAdd(id, Title(line[row.Length..].TrimEnd('|', ' ')));
                }
            }
            else if (current is not null && line.Length > 0 && (line.StartsWith(' ') || !"*#|-".Contains(line[0], StringComparison.Ordinal)))
            {
                Add(confidences, current, line); // continuation of the current rule's bullet
            }
            else
            {
                current = null;
            }
        }
        foreach (var line in File.ReadLines(Path.Combine(specDirectory, "iam-policy-evaluation.md")))
        {
            if (IamSection().Match(line) is { Success: true } section)
            {
                confidences["IAM-" + section.Groups["section"].Value] = ["H"]; // documented IAM behaviour
                titles["IAM-" + section.Groups["section"].Value] = line[section.Length..].Trim();
            }
        }
        return confidences.ToDictionary(kv => kv.Key, kv => new SpecRule(kv.Key, kv.Value, titles.GetValueOrDefault(kv.Key, "")), StringComparer.Ordinal);
    }

    /// <summary>The nearest rule ids to <paramref name="id"/> (same prefix first, then by spelling), at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<SpecRule> Nearest(IReadOnlyDictionary<string, SpecRule> rules, string id, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(id);
        var dash = id.LastIndexOf('-');
        var prefix = dash > 0 ? id[..dash] : id;
        return rules.Values
            .OrderBy(r => r.Id.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(r => EditDistance.Of(r.Id.ToUpperInvariant().AsSpan(), id.ToUpperInvariant().AsSpan())) // TKO-6 is one edit from TOK-6
            .ThenBy(r => Math.Abs(Number(r.Id) - Number(id))) // CTX-99: the highest CTX rules, not CTX-1
            .ThenBy(r => r.Id, RuleIdComparer.Instance)
            .Take(count)
            .ToList();
    }

    // The first sentence of a rule's text, without sources ([D-OUT]), confidences (**H**) or emphasis.
    private static string Title(string text)
    {
        var plain = Emphasis().Replace(SourceRefs().Replace(Confidence().Replace(text, ""), ""), "${t}").Trim();
        var end = SentenceEnd().Match(plain);
        while (end.Success && end.Index < 30) // "Classic pitfall." says little alone: take the next sentence too
            end = end.NextMatch();
        var sentence = (end.Success ? plain[..(end.Index + 1)] : plain).Trim();
        return sentence.Length <= 160 ? sentence : sentence[..157].TrimEnd() + "…";
    }

    private static decimal Number(string id) =>
        decimal.TryParse(id[(id.LastIndexOf('-') + 1)..], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"\s*\[[^\]]*\]")]
    private static partial Regex SourceRefs();

    [GeneratedRegex(@"\*\*(?<t>[^*]*)\*\*")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\.(\s|$)")]
    private static partial Regex SentenceEnd();

    private static void Add(Dictionary<string, HashSet<string>> confidences, string id, string text)
    {
        if (!confidences.TryGetValue(id, out var set))
            confidences[id] = set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Confidence().Matches(text))
            set.UnionWith(m.Groups["c"].Value.Split('/'));
    }

    // "POL-7/8/9" → POL-7, POL-8, POL-9; "UNA-1/UNA-3" → UNA-1, UNA-3; "HTTP-2 / HTTP-7" → HTTP-2, HTTP-7.
    private static IEnumerable<string> ExpandIds(string text)
    {
        string? prefix = null;
        foreach (var part in text.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.LastIndexOf('-');
            if (dash > 0)
            {
                prefix = part[..dash];
                yield return part;
            }
            else if (prefix is not null && part.All(char.IsDigit))
            {
                yield return $"{prefix}-{part}";
            }
        }
    }
}
