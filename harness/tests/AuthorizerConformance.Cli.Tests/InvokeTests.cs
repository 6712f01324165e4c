using System.Text.Json.Nodes;

namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// <c>authz invoke</c> reads AUTH_* from the process environment, as Lambda does; these tests set AUTH_TOKEN_SALT for
/// the process, so they live in one class (xUnit runs a class's tests one after another).
/// </summary>
public sealed class InvokeTests : IDisposable
{
    private const string Secret = "cli-invoke-secret-0123456789-abcdefgh";
    private readonly List<string> _files = [];

    public InvokeTests() => Environment.SetEnvironmentVariable("AUTH_TOKEN_SALT", Secret);

    private string EventFile(JsonObject e)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, e.ToJsonString());
        _files.Add(path);
        return path;
    }

    private static string Mint(params string[] extra)
    {
        var (_, stdout, _) = CliRunner.Run(["token", "mint", "--claims", """{"sub":"cli-user","groups":["a","b"]}""", "--alg", "HS256", "--secret", Secret, "--exp", "5m", .. extra]);
        return stdout.Trim();
    }

    private static JsonObject TokenEvent(string token) => new()
    {
        ["type"] = "TOKEN", ["authorizationToken"] = "Bearer " + token,
        ["methodArn"] = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/GET/pets",
    };

    [Fact]
    public void Invoke_prints_the_response_of_a_valid_token()
    {
        var (code, stdout, _) = CliRunner.Run("invoke", "--event", EventFile(TokenEvent(Mint())));

        Assert.Equal(0, code);
        var response = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("cli-user", (string?)response["principalId"]);
        Assert.Equal("[\"a\",\"b\"]", (string?)response["context"]!["groups"]);
    }

    [Fact]
    public void Invoke_reads_the_event_from_stdin_with_a_dash()
    {
        var root = new System.CommandLine.RootCommand { InvokeCommand.Create(new StringReader(TokenEvent(Mint()).ToJsonString())) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = root.Parse(["invoke", "--event", "-"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.Equal(0, code);
        Assert.Equal("cli-user", (string?)JsonNode.Parse(stdout.ToString())!["principalId"]);
    }

    [Fact]
    public void Invoke_prints_the_function_error_for_a_hostile_token_and_still_exits_0()
    {
        var token = Mint("--attack", "tampered-payload");

        var (code, stdout, stderr) = CliRunner.Run("invoke", "--event", EventFile(TokenEvent(token)));

        Assert.Equal(0, code);
        var error = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("Unauthorized", (string?)error["errorMessage"]);
        Assert.Equal("UnauthorizedException", (string?)error["errorType"]);
        Assert.Contains("reason=signature-invalid", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_variant_is_chosen_from_the_event_or_forced()
    {
        var v2 = new JsonObject
        {
            ["version"] = "2.0", ["type"] = "REQUEST", ["routeArn"] = "arn:aws:execute-api:us-east-1:123456789012:api/$default/GET/x",
            ["headers"] = new JsonObject { ["authorization"] = Mint() },
        };
        var file = EventFile(v2);

        var simple = JsonNode.Parse(CliRunner.Run("invoke", "--event", file).Stdout)!.AsObject();
        var iam = JsonNode.Parse(CliRunner.Run("invoke", "--event", file, "--variant", "http-iam").Stdout)!.AsObject();

        Assert.True((bool)simple["isAuthorized"]!);
        Assert.Equal("cli-user", (string?)iam["principalId"]);
    }

    [Theory]
    [InlineData("""{"type":"SOMETHING"}""", "cannot tell the variant")]
    [InlineData("""[1,2]""", "is not a JSON object")]
    [InlineData("""{"type": """, "not valid JSON")]
    public void Events_that_cannot_be_run_are_usage_errors(string json, string expected)
    {
        var path = Path.GetTempFileName();
        _files.Add(path);
        File.WriteAllText(path, json);

        var (code, _, stderr) = CliRunner.Run("invoke", "--event", path);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_event_file_and_an_unknown_variant_are_usage_errors()
    {
        Assert.Equal(2, CliRunner.Run("invoke", "--event", "/no/such/event.json").ExitCode);
        Assert.Equal(2, CliRunner.Run("invoke", "--event", EventFile(TokenEvent("x")), "--variant", "graphql").ExitCode);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AUTH_TOKEN_SALT", null);
        foreach (var file in _files)
            File.Delete(file);
    }
}
