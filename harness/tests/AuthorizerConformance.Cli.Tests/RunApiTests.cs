namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// <c>authz run --api FILE</c>: the team's scenarios that describe no API run on the imported API (and the step
/// <c>Given the API under test</c> names it); a scenario that describes its own API keeps it; a definition that cannot
/// be read or imported is a usage error (exit 2) naming the file, the line and the path, before anything runs.
/// </summary>
public class RunApiTests
{
    private static readonly string TeamFeatures = Path.Combine(AppContext.BaseDirectory, "RunFixtures", "api");

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "api-data", name);

    [Fact]
    public async Task The_team_scenarios_run_on_the_imported_api()
    {
        var (code, output) = await AuthzProcess.AuthzRunAsync(AuthzProcess.RepoRoot,
            "--no-builtin", "--features", TeamFeatures, "--api", Data("petstore-rest.yaml"));

        // /health is open only on the imported API (the default API protects every route: 401 without a token).
        Assert.True(code == 0, output);
        Assert.Contains("passed  The team's API: The health check of the team's API is open", output, StringComparison.Ordinal);
        Assert.Contains("passed  The team's API: A scenario that describes its own API keeps it", output, StringComparison.Ordinal);
        Assert.Contains("4 passed, 0 failed, 0 skipped", output, StringComparison.Ordinal);
        Assert.Contains("API petstore-rest.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_the_step_fails_saying_how_to_give_one_and_the_rest_run_on_the_default_api()
    {
        var (code, output) = await AuthzProcess.AuthzRunAsync(AuthzProcess.RepoRoot, "--no-builtin", "--features", TeamFeatures);

        Assert.True(code == 1, output);
        Assert.Contains("FAILED  The team's API: Listing pets on the team's API needs a token", output, StringComparison.Ordinal);
        Assert.Contains("the run was given none: run it with authz run --api FILE, or set AUTHZ_API.", output, StringComparison.Ordinal);
        Assert.Contains("FAILED  The team's API: The health check of the team's API is open", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_api_file_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--api", "/nonexistent/openapi.yaml");

        Assert.Equal(2, code);
        Assert.Contains("--api: file '/nonexistent/openapi.yaml' not found.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_api_definition_is_a_usage_error_naming_file_line_and_path()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("authz-run-api-").FullName, "openapi.yaml");
        File.WriteAllText(path, "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-made-up: 1\n");

        var (code, stdout, stderr) = CliRunner.Run("run", "--api", path);

        Assert.Equal(2, code);
        Assert.Contains("--api: the API definition cannot be imported:", stderr, StringComparison.Ordinal);
        Assert.Contains($"{path}:4: x-amazon-apigateway-made-up: x-amazon-apigateway-made-up is not supported", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void An_api_name_without_an_api_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("run", "--api-name", "ShopApi");

        Assert.Equal(2, code);
        Assert.Contains("--api-name: names an API of the --api file; give --api too.", stderr, StringComparison.Ordinal);
    }
}
