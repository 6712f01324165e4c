using System.CommandLine;
using System.Text.Json;

namespace AuthorizerConformance.Cli.Tests;

/// <summary>The <c>authz policy evaluate</c> contract: one JSON object, or one JSON line per input line, in order.</summary>
public sealed class PolicyEvaluateTests : IDisposable
{
    private const string Arn = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users";
    private const string Policy = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"S1","Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/*"},
          {"Sid":"OnlyInside","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("authz-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) RunWithStdin(string stdin, params string[] args)
    {
        var root = new RootCommand { PolicyCommands.Create(new StringReader(stdin)) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_single_request_prints_one_object_with_the_deciding_statements()
    {
        var (code, stdout, _) = CliRunner.Run("policy", "evaluate", "--policy", File("p.json", Policy), "--resource", Arn,
            "--context", "aws:SourceIp=10.1.2.3");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Allow", json.RootElement.GetProperty("decision").GetString());
        var matched = Assert.Single(json.RootElement.GetProperty("matched").EnumerateArray());
        Assert.Equal(0, matched.GetProperty("index").GetInt32());
        Assert.Equal("S1", matched.GetProperty("sid").GetString());
        Assert.Equal("Allow", matched.GetProperty("effect").GetString());
        Assert.Empty(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("Condition", json.RootElement.GetProperty("notMatched")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Context_decides_and_the_action_option_is_used()
    {
        var policy = File("p.json", Policy);

        var outside = CliRunner.Run("policy", "evaluate", "--policy", policy, "--resource", Arn, "--context", "aws:SourceIp=192.0.2.1");
        var otherAction = CliRunner.Run("policy", "evaluate", "--policy", policy, "--resource", Arn, "--action", "execute-api:InvalidateCache",
            "--context", "aws:SourceIp=10.0.0.1");

        Assert.Contains("\"decision\":\"ExplicitDeny\"", outside.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"sid\":\"OnlyInside\"", outside.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"ImplicitDeny\"", otherAction.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_policy_file_runs_and_reports_Invalid_with_paths()
    {
        var (code, stdout, _) = CliRunner.Run("policy", "evaluate", "--policy", File("bad.json", """{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}"""), "--resource", Arn);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Invalid", json.RootElement.GetProperty("decision").GetString());
        Assert.Equal("Statement[0].Effect", json.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("policy", "evaluate")]
    [InlineData("policy", "evaluate", "--resource", Arn)]
    [InlineData("policy", "evaluate", "--policy", "/no/such/policy.json", "--resource", Arn)]
    [InlineData("policy", "evaluate", "--jsonl", "--resource", Arn)]
    [InlineData("policy", "evaluate", "--jsonl", "--input", "/no/such/input.jsonl")]
    [InlineData("policy", "evaluate", "--no-such-flag")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public void A_missing_policy_file_is_named() =>
        Assert.Contains("/no/such/policy.json", CliRunner.Run("policy", "evaluate", "--policy", "/no/such/policy.json", "--resource", Arn).Stderr, StringComparison.Ordinal);

    [Fact]
    public void A_context_without_equals_sign_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("policy", "evaluate", "--policy", File("p.json", Policy), "--resource", Arn, "--context", "aws:SourceIp");

        Assert.Equal(2, code);
        Assert.Contains("aws:SourceIp", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_get_one_answer_each_in_order_and_bad_lines_do_not_stop_the_run()
    {
        var input = string.Join('\n',
            $$$"""{"id":1,"policy":{"Statement":[{"Sid":"S1","Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]},"resource":"{{{Arn}}}"}""",
            "this is not json",
            $$$"""{"id":"text","policy":"{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}","resource":"{{{Arn}}}"}""",
            """{"id":3,"policy":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]},"resource":""" +
            $"\"{Arn}\"" + ""","context":{"aws:SourceIp":["10.0.0.1"]}}""",
            $$$"""{"id":4,"policy":{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]},"resource":"{{{Arn}}}"}""",
            $$$"""{"id":5,"policy":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]},"resource":"{{{Arn}}}","action":"s3:GetObject","context":{"k":1}}""");

        var (code, stdout, _) = RunWithStdin(input, "policy", "evaluate", "--jsonl");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(6, lines.Length);
        Assert.Equal(["Allow", "Error", "ExplicitDeny", "Allow", "Invalid", "Error"], lines.Select(l => l.GetProperty("decision").GetString()));
        Assert.Equal("1", lines[0].GetProperty("id").GetRawText());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("id").ValueKind);
        Assert.Equal("\"text\"", lines[2].GetProperty("id").GetRawText());
        Assert.Equal("""[{"index":0,"sid":"S1","effect":"Allow"}]""", lines[0].GetProperty("matched").GetRawText());
        Assert.Equal("""[{"index":0,"sid":null,"effect":"Deny"}]""", lines[2].GetProperty("matched").GetRawText());
        Assert.Equal("Statement[0].Effect", lines[4].GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal("context.k", lines[5].GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.All(lines, l => Assert.Equal(["id", "decision", "matched", "errors"], l.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Json_lines_with_strings_that_are_not_text_get_errors_with_paths_and_the_run_goes_on()
    {
        const string Ok = """{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        var input = string.Join('\n',
            $$$"""{"id":"\ud800","policy":{{{Ok}}},"resource":"{{{Arn}}}"}""",
            $$$"""{"id":2,"policy":{{{Ok}}},"resource":"{{{Arn}}}\udc00"}""",
            $$$"""{"id":3,"\ud800":1,"policy":{{{Ok}}},"resource":"{{{Arn}}}"}""",
            $$$"""{"id":4,"policy":{"Statement":[{"Sid":"\ud800","Effect":"Allow","Action":"*","Resource":"*"}]},"resource":"{{{Arn}}}"}""",
            $$$"""{"id":5,"policy":{{{Ok}}},"resource":"{{{Arn}}}","context":{"aws:SourceIp":["\ud800"]}}""",
            $$$"""{"id":6,"policy":{{{Ok}}},"resource":"{{{Arn}}}"}""");

        var (code, stdout, stderr) = RunWithStdin(input, "policy", "evaluate", "--jsonl");

        Assert.Equal(0, code);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["Error", "Error", "Error", "Invalid", "Error", "Allow"], lines.Select(l => l.GetProperty("decision").GetString()));
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("id").ValueKind);
        Assert.Equal(["id", "resource", "", "Statement[0].Sid", "context.aws:SourceIp[0]"],
            lines[..5].Select(l => l.GetProperty("errors")[0].GetProperty("path").GetString()));
        Assert.Equal("2", lines[1].GetProperty("id").GetRawText());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("id").ValueKind);
        Assert.All(lines[..5], l => Assert.Contains("surrogate", l.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Json_lines_can_come_from_an_input_file_and_action_defaults_to_Invoke()
    {
        var input = File("in.jsonl", $$$"""{"id":"x","policy":{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]},"resource":"{{{Arn}}}"}""" + "\n");

        var (code, stdout, _) = CliRunner.Run("policy", "evaluate", "--jsonl", "--input", input);

        Assert.Equal(0, code);
        Assert.Equal("""{"id":"x","decision":"Allow","matched":[{"index":0,"sid":null,"effect":"Allow"}],"errors":[]}""", stdout.TrimEnd());
    }

    [Theory]
    // POL-12: an empty Resource, Action or Statement list is valid and matches nothing.
    [InlineData("""{"Version":"2012-10-17","Statement":[]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":[]}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}""")]
    public void POL_12_an_empty_list_is_an_implicit_deny_not_an_invalid_policy(string policy)
    {
        var (code, stdout, _) = CliRunner.Run("policy", "evaluate", "--policy", File("p.json", policy), "--resource", Arn);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("ImplicitDeny", json.RootElement.GetProperty("decision").GetString());
        Assert.Empty(json.RootElement.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData(null, "ImplicitDeny")]
    [InlineData("narrowest", "ImplicitDeny")]
    [InlineData("literal", "Allow")]
    [InlineData("invalid", "Invalid")]
    public void POL_12_the_empty_Not_list_reading_is_an_option(string? reading, string decision)
    {
        var policy = File("p.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","NotResource":[]}]}""");
        string[] args = ["policy", "evaluate", "--policy", policy, "--resource", Arn];

        var (code, stdout, _) = CliRunner.Run(reading is null ? args : [.. args, "--empty-not-list", reading]);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(decision, json.RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void POL_12_the_empty_string_reading_applies_to_every_line_of_a_jsonl_run()
    {
        var line = $$$"""{"id":"e","policy":{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","NotResource":[""]}]},"resource":"{{{Arn}}}"}""";

        var narrowest = RunWithStdin(line + "\n", "policy", "evaluate", "--jsonl");
        var literal = RunWithStdin(line + "\n", "policy", "evaluate", "--jsonl", "--empty-string-entry", "literal");

        Assert.Equal("ImplicitDeny", JsonDocument.Parse(narrowest.Stdout).RootElement.GetProperty("decision").GetString());
        Assert.Equal("Allow", JsonDocument.Parse(literal.Stdout).RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void POL_12_an_unknown_reading_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("policy", "evaluate", "--policy", File("p.json", Policy), "--resource", Arn, "--empty-not-list", "everything");

        Assert.Equal(2, code);
        Assert.Contains("everything", stderr, StringComparison.Ordinal);
    }
}
