using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private const string Scenario = """
        {"api": {"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}, {"method": "POST", "resource": "/pets", "authorizer": "A"}]},
         "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "identityValidationExpression": "^Bearer .+$",
            "function": {"kind": "scripted", "outcomes": [{"return": {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}}]}}},
         "requests": [{"method": "GET", "path": "/pets/42", "headers": {"Authorization": "Bearer x"}},
                      {"method": "POST", "path": "/pets", "headers": {"Authorization": "Bearer x"}, "atSeconds": 10},
                      {"method": "GET", "path": "/pets/42"}]}
        """;

    [Fact]
    public void A_scenario_string_that_is_not_text_is_exit_2_with_its_path()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", File(Scenario.Replace("\"principalId\": \"u\"", "\"principalId\": \"u\\ud800\"", StringComparison.Ordinal)));

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("authorizers.A.function.outcomes[0].return.principalId", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    private readonly string _dir = Directory.CreateTempSubdirectory("authz-simulate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string text)
    {
        var path = Path.Combine(_dir, $"s{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement[] Results(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public void A_valid_file_prints_one_result_per_request_in_order()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", File(Scenario));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var results = Results(stdout);
        Assert.Equal([200, 403, 401], results.Select(r => r.GetProperty("status").GetInt32()).ToArray());
        Assert.True(results[1].GetProperty("cacheHit").GetBoolean());
        Assert.Equal("policy-implicit-deny", results[1].GetProperty("failure").GetString());
        Assert.Equal("identity-source-missing", results[2].GetProperty("failure").GetString());
        Assert.False(results[2].GetProperty("authorizerInvoked").GetBoolean());
    }

    [Fact]
    public void A_dash_reads_the_scenario_from_stdin()
    {
        var root = new RootCommand { SimulateCommand.Create(new StringReader(Scenario)) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = root.Parse(["simulate", "-"]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        Assert.Equal(0, code);
        Assert.Equal(3, Results(stdout.ToString()).Length);
    }

    [Fact]
    public void An_invalid_file_exits_2_with_the_json_path()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", File(Scenario.Replace("\"identityValidationExpression\"", "\"resultTtlInSeconds\": 4000, \"identityValidationExpression\"", StringComparison.Ordinal)));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("authorizers.A.resultTtlInSeconds: must be between 0 and 3600", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var (code, _, stderr) = CliRunner.Run("simulate", Path.Combine(_dir, "absent.json"));
        Assert.Equal(2, code);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_function_kind_exits_2_with_its_path()
    {
        var (code, _, stderr) = CliRunner.Run("simulate", File(Scenario.Replace("\"scripted\"", "\"lambda\"", StringComparison.Ordinal)));
        Assert.Equal(2, code);
        Assert.Contains("authorizers.A.function.kind", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_kind_runs_the_in_process_authorizer_and_never_prints_the_secret_or_signature()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["userId"] = "alice" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
        var scenario = $$"""
            {"api": {"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": 0,
                "function": {"kind": "reference", "env": {"AUTH_TOKEN_SALT": "{{secret}}"} } } },
             "requests": [{"method": "GET", "path": "/pets/1", "headers": {"Authorization": "{{token}}"} }, {"method": "GET", "path": "/pets/1", "headers": {"Authorization": "junk"} }]}
            """;
        var (code, stdout, stderr) = CliRunner.Run("simulate", File(scenario));
        Assert.True(code == 0, stderr);
        var results = Results(stdout);
        Assert.Equal(200, results[0].GetProperty("status").GetInt32());
        Assert.Equal("alice", results[0].GetProperty("integration").GetProperty("requestContext").GetProperty("authorizer").GetProperty("principalId").GetString());
        Assert.Equal("authorizer-unauthorized", results[1].GetProperty("failure").GetString());
        Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_variant_that_does_not_exist_exits_2()
    {
        var (code, _, stderr) = CliRunner.Run("simulate", File(Scenario.Replace("\"kind\": \"scripted\", \"outcomes\"", "\"kind\": \"reference\", \"variant\": \"request\", \"unused\"", StringComparison.Ordinal)));
        Assert.Equal(2, code);
        Assert.Contains("authorizers.A.function", stderr, StringComparison.Ordinal);
    }
}
