using System.Text.Json.Nodes;

namespace AuthorizerConformance.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private const string MethodArn = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1";
    private readonly List<string> _files = [];

    private string File(string content)
    {
        var path = Path.GetTempFileName();
        System.IO.File.WriteAllText(path, content);
        _files.Add(path);
        return path;
    }

    private static string Output(string resource) =>
        $$$"""{"principalId":"u-1","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{{resource}}}"}]}}""";

    [Fact]
    public void A_clean_output_exits_0()
    {
        var (code, stdout, stderr) = CliRunner.Run("lint", File(Output("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*")));

        Assert.Equal((0, ""), (code, stderr));
        Assert.Equal("no lint findings", stdout.Trim());
    }

    [Fact]
    public void Findings_exit_1_with_id_path_and_fix()
    {
        var (code, stdout, _) = CliRunner.Run("lint", File(Output(MethodArn)), "--method-arn", MethodArn, "--ttl", "300");

        Assert.Equal(1, code);
        Assert.StartsWith("AZL001 $.policyDocument.Statement[0].Resource: every allowed Resource is the incoming methodArn", stdout, StringComparison.Ordinal);
        Assert.Contains("— fix: Allow every method", stdout, StringComparison.Ordinal);
        Assert.Contains("1 finding(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ttl_0_turns_the_cache_pitfall_off() =>
        Assert.Equal(0, CliRunner.Run("lint", File(Output(MethodArn)), "--method-arn", MethodArn, "--ttl", "0").ExitCode);

    [Fact]
    public void Json_output_lists_each_finding_with_its_members()
    {
        var (code, stdout, _) = CliRunner.Run("lint", File(Output("*")), "--json");

        Assert.Equal(1, code);
        var finding = Assert.Single(JsonNode.Parse(stdout)!["findings"]!.AsArray())!;
        Assert.Equal("AZL002", (string?)finding["id"]);
        Assert.Equal("allow-everything", (string?)finding["name"]);
        Assert.Equal("$.policyDocument.Statement[0].Resource", (string?)finding["path"]);
        Assert.Equal("ARN-1", (string?)finding["rule"]);
    }

    [Theory]
    [InlineData("not json {", "the output is not JSON (line 1, byte 2); only a JSON output can be linted.")]
    public void An_output_that_is_not_JSON_is_a_usage_error(string content, string message)
    {
        var (code, stdout, stderr) = CliRunner.Run("lint", File(content));

        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal($"authz: {message}", stderr.Trim());
    }

    [Fact]
    public void A_missing_file_and_a_ttl_out_of_range_are_usage_errors()
    {
        Assert.Equal(2, CliRunner.Run("lint", "/nonexistent/output.json").ExitCode);
        Assert.Equal(2, CliRunner.Run("lint", File(Output("*")), "--ttl", "3601").ExitCode);
    }

    [Fact]
    public void An_output_over_the_bound_is_refused_while_reading()
    {
        var (code, _, stderr) = CliRunner.Run("lint", File(new string(' ', LintCommand.MaxInputBytes + 1)));

        Assert.Equal(2, code);
        Assert.Contains($"larger than the {LintCommand.MaxInputBytes}-byte limit", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var f in _files)
            System.IO.File.Delete(f);
    }
}
