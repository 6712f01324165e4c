using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AuthorizerConformance.ApiImport;
using AuthorizerConformance.Harness.Scaffold;

namespace AuthorizerConformance.Steps.Scaffold;

/// <summary>
/// <c>authz scaffold</c>'s output runs green as written: features are generated from two OpenAPI files and a SAM
/// template into a temporary folder, and this assembly's feature theory runs them (a separate process, AUTHZ_FEATURES_DIR)
/// against the reference target.
/// </summary>
public partial class ScaffoldRunTests
{
    private static readonly string DataFolder =
        typeof(ScaffoldRunTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ApiImportDataDirectory").Value!;

    [Fact]
    public async Task Scaffolded_features_pass_against_the_reference_authorizer()
    {
        var folder = Directory.CreateTempSubdirectory("scaffold-run-").FullName;
        var expected = 0;
        foreach (var file in new[] { "petstore-rest.yaml", "orders-http.json", "template.yaml" })
        {
            var source = Path.Combine(DataFolder, file);
            var imported = ApiDefinitionImporter.Import(source);
            Assert.True(imported.IsValid, imported.ToString());
            var target = Directory.CreateDirectory(Path.Combine(folder, Path.GetFileNameWithoutExtension(file))).FullName;
            foreach (var feature in FeatureScaffolder.Scaffold(imported.Api!, Path.GetRelativePath(target, source)))
            {
                await File.WriteAllTextAsync(Path.Combine(target, feature.FileName), feature.Text, TestContext.Current.CancellationToken);
                expected += ScenarioLine().Count(feature.Text);
            }
        }

        var results = await RunAsync(folder);

        var tests = results.Descendants("test").ToList();
        var failed = tests.Where(t => (string?)t.Attribute("result") != "Pass").Select(t => $"{t.Attribute("name")}: {t.Element("failure")?.Element("message")?.Value}").ToList();
        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));
        Assert.Equal(expected, tests.Count);
        Assert.Equal(27, expected); // 4 + 2 + 2 protected routes × 3 scenarios, and one open route per API
    }

    private static async Task<XDocument> RunAsync(string features)
    {
        var xml = Path.Combine(features, "results.xml");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = features };
        foreach (var argument in new[] { typeof(ScaffoldRunTests).Assembly.Location, "-noLogo", "-noColor", "-noAutoReporters", "-class", typeof(FeatureTests).FullName!, "-result-xml", xml })
            start.ArgumentList.Add(argument);
        start.Environment["AUTHZ_FEATURES_DIR"] = features;
        start.Environment["AUTHZ_TARGET"] = "reference";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var console = await stdout + await stderr;
        Assert.True(File.Exists(xml), $"the scaffolded run wrote no results (exit code {process.ExitCode}):{Environment.NewLine}{console}");
        return XDocument.Load(xml);
    }

    [GeneratedRegex(@"^\s*Scenario:", RegexOptions.Multiline)]
    private static partial Regex ScenarioLine();
}
