using System.Text.RegularExpressions;

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
            }
            else if (inUpdates && UpdateRow().Match(line) is { Success: true } row)
            {
                current = null;
                foreach (var id in ExpandIds(row.Groups["ids"].Value))
                    Add(confidences, id, line);
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
                confidences["IAM-" + section.Groups["section"].Value] = ["H"]; // documented IAM behaviour
        }
        return confidences.ToDictionary(kv => kv.Key, kv => new SpecRule(kv.Key, kv.Value), StringComparer.Ordinal);
    }

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
