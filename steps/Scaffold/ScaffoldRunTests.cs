using System.Text.RegularExpressions;
using AuthorizerConformance.Steps.Support;
using AuthorizerConformance.ApiImport;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Scaffold;
using AuthorizerConformance.Testing;

namespace AuthorizerConformance.Steps.Scaffold;

/// <summary>
/// <c>authz scaffold</c>'s output runs green as written: features are generated from two OpenAPI files and a SAM
/// template into a temporary folder, and this assembly's feature theory runs them (a separate process, AUTHZ_FEATURES_DIR)
/// against the reference target — without a profile, and with a profile whose scopeRoutes give every protected route a
/// scope (its scope scenarios: the scope allows, its absence gets 403), run under that profile.
/// </summary>
public partial class ScaffoldRunTests
{
    private static readonly string DataFolder = BuildMetadata.Value("ApiImportDataDirectory");

    private static readonly string ScopesProfile = BuildMetadata.Value("ScaffoldProfile");

    private static readonly string[] Definitions = ["petstore-rest.yaml", "orders-http.json", "template.yaml"];

    [Fact]
    public async Task Scaffolded_features_pass_against_the_reference_authorizer()
    {
        var (folder, texts) = await ScaffoldAsync(profile: null);

        var scenarios = await RunGreenAsync(folder, new Dictionary<string, string?> { ["AUTHZ_TARGET"] = "reference", [AuthorizerProfile.EnvironmentVariable] = null });

        Assert.Equal(27, scenarios); // 4 + 2 + 2 protected routes × 3 scenarios, and one open route per API
        Assert.DoesNotContain("the scope", string.Concat(texts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scaffolded_scope_scenarios_pass_against_the_profiles_target()
    {
        var loaded = AuthorizerProfile.Load(ScopesProfile);
        Assert.True(loaded.IsValid, loaded.ErrorText);
        var (folder, texts) = await ScaffoldAsync(loaded.Profile);

        var scenarios = await RunGreenAsync(folder, new Dictionary<string, string?> { [AuthorizerProfile.EnvironmentVariable] = ScopesProfile });

        Assert.Equal(35, scenarios); // 8 protected routes × (scope allows, no scope → 403, no token, other key), 3 open routes
        var all = string.Concat(texts);
        Assert.Equal(8, Regex.Count(all, "denies a valid token without the scope"));
        Assert.Equal(8, Regex.Count(all, "Then the client gets 403"));
        Assert.Contains("""
              Scenario: JwtAuthorizer: POST /pets denies a valid token without the scope "pets:write"
                Given the authorizer under test grants POST /pets only with the scope "pets:write"
                And the usage plan has the API key "scaffold-api-key"
                And a valid token without the scope "pets:write"
            """.ReplaceLineEndings("\n"), all, StringComparison.Ordinal);
        Assert.Contains("Scenario: TokenAuth: ANY /carts/{id} allows a valid token with the scope \"carts\"", all, StringComparison.Ordinal);
    }

    private static async Task<(string Folder, List<string> Texts)> ScaffoldAsync(AuthorizerProfile? profile)
    {
        var folder = Directory.CreateTempSubdirectory("scaffold-run-").FullName;
        var texts = new List<string>();
        foreach (var file in Definitions)
        {
            var source = Path.Combine(DataFolder, file);
            var imported = ApiDefinitionImporter.Import(source);
            Assert.True(imported.IsValid, imported.ToString());
            var target = Directory.CreateDirectory(Path.Combine(folder, Path.GetFileNameWithoutExtension(file))).FullName;
            foreach (var feature in FeatureScaffolder.Scaffold(imported.Api!, Path.GetRelativePath(target, source), profile))
            {
                await File.WriteAllTextAsync(Path.Combine(target, feature.FileName), feature.Text, TestContext.Current.CancellationToken);
                texts.Add(feature.Text);
            }
        }
        return (folder, texts);
    }

    /// <summary>Runs the folder's features; every one must pass (none skipped, none failed). Returns how many ran,
    /// checked against the scenarios the files hold.</summary>
    private static async Task<int> RunGreenAsync(string folder, Dictionary<string, string?> environment)
    {
        var run = await FeatureRunProcess.RunAsync(typeof(ScaffoldRunTests).Assembly.Location, folder, folder,
            ["-noAutoReporters", "-class", typeof(FeatureTests).FullName!], environment);
        var tests = run.Results.Descendants("test").ToList();
        var notPassed = tests.Where(t => (string?)t.Attribute("result") != "Pass")
            .Select(t => $"{t.Attribute("name")}: {t.Attribute("result")} {t.Element("failure")?.Element("message")?.Value}{t.Element("reason")?.Value}").ToList();
        Assert.True(notPassed.Count == 0, string.Join(Environment.NewLine, notPassed));
        var written = Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories).Sum(f => ScenarioLine().Count(File.ReadAllText(f)));
        Assert.Equal(written, tests.Count);
        return tests.Count;
    }

    [GeneratedRegex(@"^\s*Scenario:", RegexOptions.Multiline)]
    private static partial Regex ScenarioLine();
}
