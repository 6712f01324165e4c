using System.Text.RegularExpressions;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// The Gherkin QA engineers copy from the docs runs: every step line in a <c>```gherkin</c> block of the README,
/// docs/steps.md and docs/writing-features.md is bound, except the lines the tutorial shows failing on purpose.
/// </summary>
public sealed partial class DocsGherkinTests : IDisposable
{
    private static readonly string RepoRoot = Path.GetFullPath(Path.Combine(ConformanceLint.SpecDirectory, "..", ".."));

    // The tutorial's deliberate mistakes: a step from memory, and JSON in double quotes.
    private static readonly string[] Deliberate =
    [
        "When the client calls GET /pets/1 without the token",
        "Then the response body is \"{\"message\":\"Unauthorized\"}\"",
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docs-gherkin-");

    public void Dispose() => _folder.Delete(recursive: true);

    [GeneratedRegex(@"```gherkin\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex GherkinBlock();

    [GeneratedRegex(@"^\s*(Given|When|Then|And|But) ")]
    private static partial Regex StepLine();

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/steps.md")]
    [InlineData("docs/writing-features.md")]
    public void Every_step_shown_in_the_docs_is_bound(string document)
    {
        var blocks = GherkinBlock().Matches(File.ReadAllText(Path.Combine(RepoRoot, document)).ReplaceLineEndings("\n"))
            .Select(m => m.Groups["body"].Value).ToList();
        Assert.NotEmpty(blocks);
        for (var i = 0; i < blocks.Count; i++)
        {
            // Each block becomes one scenario: its step lines (and doc strings) in order, without its own tags and titles.
            var lines = new List<string> { "Feature: Docs block", "  Scenario: Block" };
            var inDocString = false;
            foreach (var line in blocks[i].Split('\n'))
            {
                if (line.Trim() == "\"\"\"")
                    inDocString = !inDocString;
                if (inDocString || line.Trim() == "\"\"\"" || StepLine().IsMatch(line) || line.TrimStart().StartsWith('|'))
                    lines.Add("    " + line.Trim());
            }
            File.WriteAllText(Path.Combine(_folder.FullName, $"Block{i}.feature"), string.Join('\n', lines) + "\n");
        }

        var catalog = FeatureCatalog.Load(_folder.FullName);
        Assert.All(catalog.Files, f => Assert.True(f.LoadError is null, f.LoadError));
        var problems = StepBindingCheck.FindProblems(typeof(DocsGherkinTests).Assembly, catalog)
            .Where(p => !Deliberate.Contains(p.Step))
            .Select(p => $"{document}: {p.Step} — {p.Reason}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
