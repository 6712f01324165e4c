namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// Issue 13, secret canaries in process: the planted-failure run (<see cref="PlantedRun"/>, the reference authorizer in
/// process, 29 scenarios failing on purpose with request details) was given canary keys and canary AWS credentials. No
/// canary, and no token that still verifies under the canary keys, may appear in what it printed or in any file it wrote:
/// xUnit's XML, JUnit, TRX, CTRF, NUnit, HTML and Markdown results, Cucumber HTML and ndjson (their base64 attachments
/// decoded), and the reproductions with their "What happened" files. (The Node target through <c>authz run</c> and its
/// summary.md, lint.md and step summary: Cli.Tests' CanaryRunTests; the AWS client: Aws.Tests' CredentialCanaryTests.)
/// </summary>
public class SecretCanaryTests
{
    private static readonly string[] Expected =
    [
        "results.xml", "junit.xml", "results.trx", "results.ctrf.json", "results.nunit.xml", "results.html", "results.md",
        Path.Combine("reports", "conformance.html"), Path.Combine("reports", "conformance.ndjson"),
    ];

    [Fact]
    public async Task No_canary_appears_in_the_console_or_any_file_of_the_planted_run()
    {
        var run = await PlantedRun.Get();
        var files = Directory.GetFiles(run.Folder, "*", SearchOption.AllDirectories);
        var outputs = new List<(string Name, string Text)> { ("console", run.Console) };
        outputs.AddRange(files.Select(f => (Path.GetRelativePath(run.Folder, f), File.ReadAllText(f))));

        var findings = outputs.SelectMany(o => run.Canaries.Find(o.Name, o.Text)).ToList();

        Assert.True(findings.Count == 0, $"canaries leaked ({outputs.Count} outputs searched):\n{string.Join("\n", findings)}");
        foreach (var name in Expected)
            Assert.Contains(name, files.Select(f => Path.GetRelativePath(run.Folder, f)));
        Assert.True(Directory.GetFiles(Path.Combine(run.ReportsFolder, "repro"), "*.json").Length >= 20, "too few reproductions");
        Assert.True(PlantedFailureTests.Kinds.Count <= run.Results.Descendants("test").Count(t => (string?)t.Attribute("result") == "Fail"));
        Assert.True(Harness.Canaries.SecretCanaries.Base64Attachments(File.ReadAllText(Path.Combine(run.ReportsFolder, "conformance.ndjson"))) > 0);
    }
}
