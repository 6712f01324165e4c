using System.Reflection;
using System.Xml.Linq;

namespace AuthorizerConformance.Architecture.Tests;

/// <summary>
/// Keeps the arrows of STYLE.md pointing one way: steps → Harness → Gateway → Policy; Harness → authorizer;
/// the authorizer knows nothing of the harness; Policy is BCL only; the feature runner stands alone; the AWS adapter
/// (Aws) is isolated and its fakes are test code.
/// </summary>
public class ProjectReferenceTests
{
    private static readonly string Root = typeof(ProjectReferenceTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private static Dictionary<string, (HashSet<string> Projects, HashSet<string> Packages)> Projects() =>
        Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(
                p => Path.GetFileNameWithoutExtension(p),
                p =>
                {
                    var xml = XDocument.Load(p);
                    var projects = xml.Descendants("ProjectReference")
                        .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
                        .ToHashSet(StringComparer.Ordinal);
                    var packages = xml.Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!).ToHashSet(StringComparer.Ordinal);
                    return (projects, packages);
                });

    [Theory]
    [InlineData("AuthorizerConformance.Policy", new string[0])]
    [InlineData("AuthorizerConformance.Gateway", new[] { "AuthorizerConformance.Policy" })]
    [InlineData("AuthorizerConformance.Functions", new[] { "AuthorizerConformance.Gateway" })]
    [InlineData("AuthorizerConformance.Reqnroll.xUnit3", new string[0])]
    [InlineData("AuthorizerConformance.ApiImport", new[] { "AuthorizerConformance.Gateway" })]
    [InlineData("AuthorizerConformance.Lambda.APIGatewayEvents", new string[0])]
    [InlineData("AuthorizerConformance.Aws", new string[0])]
    [InlineData("AuthorizerConformance.Aws.Fakes", new[] { "AuthorizerConformance.Gateway" })]
    public void A_core_project_references_only_what_it_may(string project, string[] allowed)
    {
        var references = Projects()[project].Projects;

        Assert.True(references.IsSubsetOf(allowed), $"{project} references {string.Join(", ", references.Except(allowed))}; allowed: {string.Join(", ", allowed)}");
    }

    [Fact]
    public void The_policy_engine_is_BCL_only()
    {
        Assert.Empty(Projects()["AuthorizerConformance.Policy"].Packages);
    }

    [Fact]
    public void The_AWS_adapter_uses_only_the_AWS_SDK_core_and_its_credential_packages()
    {
        // Isolated (STYLE.md): the harness may use it; it knows no project of ours and no other package.
        var allowed = new[] { "AWSSDK.Core", "AWSSDK.SecurityToken", "AWSSDK.SSO", "AWSSDK.SSOOIDC" };

        Assert.Subset(allowed.ToHashSet(StringComparer.Ordinal), Projects()["AuthorizerConformance.Aws"].Packages);
    }

    [Fact]
    public void Only_test_code_uses_the_AWS_fakes()
    {
        var users = Projects().Where(p => p.Value.Projects.Contains("AuthorizerConformance.Aws.Fakes")).Select(p => p.Key).ToList();

        Assert.All(users, u => Assert.True(u.EndsWith(".Tests", StringComparison.Ordinal) || u is "AuthorizerConformance.Steps" or "AuthorizerConformance.Benchmarks",
            $"{u} uses the fakes; only tests, the steps and the benchmarks may"));
    }

    [Fact]
    public void The_reference_authorizer_knows_nothing_of_the_harness()
    {
        var harnessProjects = Directory.EnumerateFiles(Path.Combine(Root, "harness"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var authorizerProjects = Directory.EnumerateFiles(Path.Combine(Root, "authorizer", "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.NotEmpty(authorizerProjects);
        var projects = Projects();
        foreach (var project in authorizerProjects)
            Assert.Empty(projects[project!].Projects.Intersect(harnessProjects!));
    }

    [Fact]
    public void Nothing_below_the_steps_depends_on_the_steps_or_the_CLI()
    {
        var offenders = Projects()
            // Above the steps: the CLI (authz run runs the built suite as a child process; it is built, not referenced),
            // the CLI's tests, and the examples' tests that run the built suite as a separate process.
            .Where(p => p.Key is not ("AuthorizerConformance.Cli.Tests" or "AuthorizerConformance.Examples.Tests")
                && p.Value.Projects.Overlaps(p.Key == "AuthorizerConformance.Cli" ? ["AuthorizerConformance.Cli"] : ["AuthorizerConformance.Steps", "AuthorizerConformance.Cli"]))
            .Select(p => p.Key)
            .ToList();

        Assert.Empty(offenders);
    }
}
