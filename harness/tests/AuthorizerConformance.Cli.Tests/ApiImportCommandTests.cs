using System.Text.Json.Nodes;

namespace AuthorizerConformance.Cli.Tests;

/// <summary><c>authz simulate --api</c> and <c>authz scaffold</c> over the import tests' API definitions.</summary>
public class ApiImportCommandTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "api-data", name);

    private const string Allow = """{"return": {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}}""";

    private static string Scenario(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("simulate-api-").FullName, "scenario.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Simulate_with_api_runs_the_requests_on_the_imported_routes_and_authorizers()
    {
        var scenario = Scenario("""{"authorizers": {"JwtAuthorizer": {"function": {"kind": "scripted", "outcomes": [""" + Allow + """
            ]}}}, "startTime": "2026-01-01T00:00:00Z",
             "requests": [{"method": "GET", "path": "/pets/1", "headers": {"Authorization": "Bearer a.b.c"}},
                          {"method": "GET", "path": "/pets/1"}, {"method": "GET", "path": "/health"}, {"method": "GET", "path": "/nowhere"}]}
            """);

        var (code, stdout, stderr) = CliRunner.Run("simulate", scenario, "--api", Data("petstore-rest.yaml"));

        Assert.True(code == 0, stderr);
        var results = JsonNode.Parse(stdout)!["results"]!.AsArray();
        Assert.Equal([200, 401, 200, 403], results.Select(r => (int)r!["status"]!));
        Assert.Equal("identity-source-missing", (string?)results[1]!["failure"]);
        Assert.Equal("route-not-found", (string?)results[3]!["failure"]);
    }

    [Fact]
    public void Simulate_with_api_and_an_unmapped_authorizer_under_test_says_how_to_map_it()
    {
        var (code, _, stderr) = CliRunner.Run("simulate", Scenario("""{"requests": [{"method": "GET", "path": "/pets"}]}"""), "--api", Data("petstore-rest.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("authorizers.JwtAuthorizer.function: is the authorizer under test", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_with_api_refuses_an_api_member_and_a_bad_definition()
    {
        var both = CliRunner.Run("simulate", Scenario("""{"api": {"type": "REST", "routes": []}, "requests": []}"""), "--api", Data("petstore-rest.yaml"));
        var missing = CliRunner.Run("simulate", Scenario("""{"requests": []}"""), "--api", Data("no-such-file.yaml"));

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("either with --api or in the scenario's api member", both.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-file.yaml: cannot read the file", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaffold_writes_a_feature_per_authorizer_and_one_for_open_routes()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("scaffold-").FullName, "features");

        var (code, stdout, stderr) = CliRunner.Run("scaffold", "--api", Data("orders-http.json"), "--out", folder);

        Assert.True(code == 0, stderr);
        Assert.Equal(["LambdaAuth.feature", "OpenRoutes.feature"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var feature = File.ReadAllText(Path.Combine(folder, "LambdaAuth.feature"));
        Assert.Contains("Given the API defined in \"../../api-data/orders-http.json\"".Replace("../../api-data", Path.GetRelativePath(folder, Path.GetDirectoryName(Data("orders-http.json"))!).Replace('\\', '/'), StringComparison.Ordinal),
            feature, StringComparison.Ordinal);
        Assert.Contains("Scenario: LambdaAuth: DELETE /orders/{id} refuses a token signed with another key", feature, StringComparison.Ordinal);
        Assert.Contains("When the client calls DELETE /orders/1 without a token", feature, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaffold_with_a_profile_writes_a_403_scenario_for_each_route_the_profile_grants_only_with_a_scope()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("scaffold-").FullName, "features");
        var profile = Path.Combine(Directory.GetParent(folder)!.FullName, "profile.json");
        File.WriteAllText(profile, """
            {"function": "reference", "tokens": {"secretEnv": "AUTH_TOKEN_SALT"},
             "scopeRoutes": {"orders:read": "GET /orders", "orders:admin": ["DELETE /orders/*", "* /orders/*"], "orders:delete": "DELETE /orders/?"}}
            """);

        var (code, _, stderr) = CliRunner.Run("scaffold", "--api", Data("orders-http.json"), "--profile", profile, "--out", folder);

        Assert.True(code == 0, stderr);
        var feature = File.ReadAllText(Path.Combine(folder, "LambdaAuth.feature")).ReplaceLineEndings("\n");
        Assert.Contains("""
              Scenario: LambdaAuth: GET /orders allows a valid token with the scope "orders:read"
                Given the authorizer under test grants GET /orders only with the scope "orders:read"
                And a valid token with the scope "orders:read"
                When the client calls GET /orders with the header "Authorization" set to "Bearer {token}"
                Then access is allowed
            """.ReplaceLineEndings("\n"), feature, StringComparison.Ordinal);
        // A route two scopes grant: the token lacks both, and the first names the scenario.
        Assert.Contains("""
              Scenario: LambdaAuth: DELETE /orders/{id} denies a valid token without the scope "orders:admin"
                Given the authorizer under test grants DELETE /orders/1 only with the scope "orders:admin"
                And a valid token without the scope "orders:admin"
                And the token does not have the scope "orders:delete"
                When the client calls DELETE /orders/1 with the header "Authorization" set to "Bearer {token}"
                Then the client gets 403
                And the backend is not reached
            """.ReplaceLineEndings("\n"), feature, StringComparison.Ordinal);
        Assert.Equal(2, feature.Split("Then the client gets 403").Length - 1);
        Assert.Contains("Where the profile \"profile\" grants a route only with a scope", feature, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaffold_without_a_scope_for_a_route_writes_only_the_plain_scenarios_and_a_bad_profile_exits_2()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("scaffold-").FullName, "features");
        var profile = Path.Combine(Directory.GetParent(folder)!.FullName, "profile.json");
        File.WriteAllText(profile, """{"function": "reference", "tokens": {"secretEnv": "S"}, "scopeRoutes": {"pets:read": "GET /pets"}}""");
        var bad = Path.Combine(Directory.GetParent(folder)!.FullName, "bad.json");
        File.WriteAllText(bad, "{\n  \"function\": \"reference\",\n  \"scopes\": {}\n}\n");

        var (code, _, stderr) = CliRunner.Run("scaffold", "--api", Data("orders-http.json"), "--profile", profile, "--out", folder);
        var refused = CliRunner.Run("scaffold", "--api", Data("orders-http.json"), "--profile", bad, "--out", folder + "-bad");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("the scope", File.ReadAllText(Path.Combine(folder, "LambdaAuth.feature")), StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"{bad}:3: $.scopes", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder + "-bad"));
    }

    [Fact]
    public void Scaffold_of_an_unimportable_definition_exits_2_with_the_errors()
    {
        var path = Scenario("openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-made-up: 1\n");

        var (code, _, stderr) = CliRunner.Run("scaffold", "--api", path, "--out", Path.GetTempPath());

        Assert.Equal(2, code);
        Assert.Contains("scenario.json:4: x-amazon-apigateway-made-up: x-amazon-apigateway-made-up is not supported", stderr, StringComparison.Ordinal);
    }
}
