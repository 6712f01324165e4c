using System.Text;
using AuthorizerConformance.Harness.Lint;

namespace AuthorizerConformance.Harness.Tests.Lint;

public class OutputLinterTests
{
    private const string MethodArn = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1";
    private const string StageWide = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

    private static string Output(string resource = $"\"{StageWide}\"", string effect = "Allow", string principal = "user-123", string context = "{\"role\":\"admin\"}") =>
        $$"""{"principalId":"{{principal}}","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"{{effect}}","Action":"execute-api:Invoke","Resource":{{resource}}}]},"context":{{context}}}""";

    private static LintResult Lint(string output, string? methodArn = MethodArn, int ttl = 300, bool http = false) =>
        OutputLinter.Lint(new LintSubject(Encoding.UTF8.GetBytes(output)) { MethodArn = methodArn, CacheTtlSeconds = ttl, Credentials = [Token], ContextMayHoldJson = http });

    private static void AssertOnly(LintResult result, string ruleId, string path)
    {
        Assert.Null(result.Unreadable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ruleId, finding.Rule.Id);
        Assert.Equal(path, finding.Path);
    }

    [Fact]
    public void A_stage_wide_Allow_for_a_user_with_primitive_context_is_clean()
    {
        var result = Lint(Output());

        Assert.True(result.IsClean, string.Join("; ", result.Findings));
    }

    [Fact]
    public void AZL001_a_cached_policy_scoped_to_the_incoming_methodArn()
    {
        AssertOnly(Lint(Output($"\"{MethodArn}\"")), "AZL001", "$.policyDocument.Statement[0].Resource");
        Assert.True(Lint(Output($"\"{MethodArn}\""), ttl: 0).IsClean);
        AssertOnly(Lint(Output($"[\"{MethodArn}\"]"), methodArn: null), "AZL001", "$.policyDocument.Statement[0].Resource[0]");
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("\"arn:aws:execute-api:*\"")]
    [InlineData("\"arn:aws:execute-api:us-east-1:123456789012:*\"")]
    [InlineData("\"arn:aws:execute-api:us-east-1:123456789012:*/*\"")]
    public void AZL002_an_Allow_on_everything_or_every_API_in_the_account(string resource) =>
        AssertOnly(Lint(Output(resource)), "AZL002", "$.policyDocument.Statement[0].Resource");

    [Theory]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:abc123/*", "stage")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:abc123/pr*/GET/*", "stage")]
    [InlineData("arn:aws:execute-api:us-east-1:123456789012:abc*/prod/GET/*", "API id")]
    public void AZL003_a_wildcard_in_the_API_id_or_stage(string resource, string segment)
    {
        var result = Lint(Output($"\"{resource}\""));

        AssertOnly(result, "AZL003", "$.policyDocument.Statement[0].Resource");
        Assert.Contains(segment, result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZL004_an_object_or_array_context_value_except_on_HTTP_APIs()
    {
        var output = Output(context: "{\"roles\":[\"a\",\"b\"],\"ok\":true}");

        AssertOnly(Lint(output), "AZL004", "$.context.roles");
        Assert.True(Lint(output, http: true).IsClean);
    }

    [Fact]
    public void AZL005_an_oversized_context_value_or_output()
    {
        AssertOnly(Lint(Output(context: $"{{\"blob\":\"{new string('x', 1025)}\"}}")), "AZL005", "$.context.blob");
        var huge = Lint(Output(context: $"{{\"a\":\"{new string('x', 1000)}\",\"b\":\"{new string('x', 1000)}\",\"c\":\"{new string('x', 1000)}\",\"d\":\"{new string('x', 1000)}\",\"e\":\"{new string('x', 1000)}\",\"f\":\"{new string('x', 1000)}\",\"g\":\"{new string('x', 1000)}\",\"h\":\"{new string('x', 1000)}\",\"i\":\"{new string('x', 1000)}\"}}"));
        AssertOnly(huge, "AZL005", "$");
    }

    [Fact]
    public void AZL006_wrong_case_member_names_and_Effect_values()
    {
        AssertOnly(Lint(Output(effect: "allow")), "AZL006", "$.policyDocument.Statement[0].Effect");
        AssertOnly(Lint(Output().Replace("\"policyDocument\"", "\"PolicyDocument\"", StringComparison.Ordinal)), "AZL006", "$.PolicyDocument");
        AssertOnly(Lint(Output().Replace("\"Effect\"", "\"effect\"", StringComparison.Ordinal)), "AZL006", "$.policyDocument.Statement[0].effect");
    }

    [Theory]
    [InlineData("\"Unauthorized\"")]
    [InlineData("Unauthorized")]
    [InlineData("\"unauthorized\"")]
    public void AZL007_Unauthorized_returned_instead_of_thrown(string output) => AssertOnly(Lint(output), "AZL007", "$");

    [Theory]
    [InlineData(Token)]
    [InlineData("Bearer abc.def")]
    [InlineData("AKIAABCDEFGHIJKLMNOP")]
    [InlineData("eyAiYWxnIjoiSFMyNTYifQ.eyJzdWIiOiJ4In0.c2ln")]
    public void AZL008_a_principalId_that_is_the_token_or_holds_a_credential(string principal) =>
        AssertOnly(Lint(Output(principal: principal)), "AZL008", "$.principalId");

    [Fact]
    public void AZL009_an_empty_Resource_list_meaning_deny()
    {
        AssertOnly(Lint(Output("[]")), "AZL009", "$.policyDocument.Statement[0].Resource");
    }

    [Fact]
    public void Every_rule_has_a_test_here_and_a_stable_unique_id()
    {
        var tested = typeof(OutputLinterTests).GetMethods().Select(m => m.Name).Where(n => n.StartsWith("AZL", StringComparison.Ordinal)).Select(n => n[..6]).ToHashSet();

        Assert.Equal(LintRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), tested.Order(StringComparer.Ordinal));
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("{\"principalId\":")]
    [InlineData("")]
    public void Text_that_is_not_JSON_is_unreadable_with_its_position(string output)
    {
        var result = Lint(output);

        Assert.Empty(result.Findings);
        Assert.StartsWith("not JSON (line 1, byte ", result.Unreadable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"principalId\":\"\\ud800\"}")]
    [InlineData("{\"context\":{\"k\":\"a\\udc00b\"}}")]
    [InlineData("\"\\ud800\"")]
    public void A_string_that_is_not_text_is_unreadable_not_an_exception(string output)
    {
        var result = Lint(output);

        Assert.Empty(result.Findings);
        Assert.StartsWith("not text at $", result.Unreadable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"policyDocument\":{\"Statement\":\"x\"}}")]
    [InlineData("{\"policyDocument\":{\"Statement\":[1,null,{\"Effect\":7,\"Resource\":{}}]}}")]
    [InlineData("{\"context\":[1]}")]
    public void Odd_shapes_are_read_without_findings_or_exceptions(string output) => Assert.True(Lint(output).IsClean);
}
