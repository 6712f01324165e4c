using System.Xml.Linq;

namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// <c>authz run</c> and <c>dotnet test</c> give the same verdict on every scenario row of the same features: the
/// fixture features (a pass, a failure and a skip per subject) run by <c>dotnet test --project steps/…</c> with
/// AUTHZ_FEATURES_DIR, compared row by row with authz run's junit.xml.
/// </summary>
public class SameVerdictsTests(RunFixtureRun run)
{
    [Fact]
    public async Task Authz_run_and_dotnet_test_give_the_same_verdicts_on_the_same_features()
    {
        var results = Directory.CreateTempSubdirectory("authz-dotnet-test-").FullName;
        try
        {
            var (code, output) = await AuthzProcess.RunAsync("dotnet",
                ["test", "--project", Path.Combine(AuthzProcess.RepoRoot, "steps", "AuthorizerConformance.Steps.csproj"), "--no-build",
                    "--configuration", AuthzProcess.Configuration, "--filter-class", "AuthorizerConformance.Steps.FeatureTests",
                    "--report-xunit-xml", "--report-xunit-xml-filename", "results.xml", "--results-directory", results],
                AuthzProcess.RepoRoot,
                new() { ["AUTHZ_FEATURES_DIR"] = AuthzProcess.FixtureFeatures, ["REQNROLL_FORMATTERS"] = """{"formatters":{}}""" });
            var xml = Path.Combine(results, "results.xml");
            Assert.True(File.Exists(xml), $"dotnet test wrote no results (exit {code}):{Environment.NewLine}{output}");

            var dotnetTest = XDocument.Load(xml).Descendants("test")
                .Select(t => $"{(string)t.Attribute("name")!} => {(string)t.Attribute("result")!}").Order().ToList();
            var authzRun = XDocument.Load(Path.Combine(run.ReportDirectory, "junit.xml")).Descendants("testcase")
                .Select(t => $"{(string)t.Attribute("classname")!}: {(string)t.Attribute("name")!} => {Result(t)}").Order().ToList();

            Assert.Equal(6, dotnetTest.Count);
            Assert.Equal(dotnetTest, authzRun);
            Assert.Equal(2, code); // Microsoft.Testing.Platform: tests failed, as authz run's exit code 1 says
            Assert.Equal(1, run.ExitCode);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    private static string Result(XElement testcase) =>
        testcase.Element("failure") is not null ? "Fail" : testcase.Element("skipped") is not null ? "Skip" : "Pass";
}
