namespace AuthorizerConformance.Gateway.Tests;

public class OutputTests
{
    [Fact]
    public async Task OUT_1_proxy_style_statusCode_body_result_gives_500()
    {
        var kit = Kit.RestToken(Outputs.Return("""{"statusCode": 200, "body": "{\"ok\":true}"}"""));
        var result = await kit.Token();
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
        Assert.Contains("proxy-style", result.FailureDetail, StringComparison.Ordinal);
        Assert.Equal("AuthorizerConfigurationException", result.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task OUT_1_non_json_output_gives_500()
    {
        var kit = Kit.Of(
            """{"type": "REST", "routes": [{"method": "GET", "resource": "/x", "authorizer": "A"}]}""",
            """{"A": {"type": "TOKEN", "identitySource": "method.request.header.A", "function": {"kind": "scripted", "outcomes": [{"timeout": true}]}}}""",
            (_, _) => new RawFunction("not json"u8.ToArray()));
        Expect.Rejected(await kit.Send("GET", "/x", ("A", "t")), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Theory]
    [InlineData("""{"principalId": "u"}""")]
    [InlineData("""{"principalId": "u", "policyDocument": null}""")]
    [InlineData("""{"principalId": "u", "policyDocument": "Allow"}""")]
    [InlineData("null")]
    [InlineData("""{"principalId": "u", "policyDocument": {"Version": "2012-10-17"}}""")]
    public async Task OUT_2_missing_null_or_unparseable_policyDocument_gives_500(string output)
    {
        var kit = Kit.RestToken(Outputs.Return(output));
        var result = await kit.Token();
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
        Assert.Equal("""{"message":null}""", result.Body);
    }

    [Theory]
    // Half a surrogate pair as a JSON escape: valid JSON, not text (decided: invalid output, 500; docs/gateway.md).
    [InlineData("""{"principalId": "u\ud800", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}""", "principalId")]
    [InlineData("""{"principalId": "u", "context": {"k": "\udc00"}, "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}""", "context.k")]
    [InlineData("""{"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "\ud800", "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}""", "policyDocument.Statement[0].Sid")]
    public async Task Output_with_a_string_that_is_not_text_gives_500_naming_its_path(string output, string path)
    {
        // A scripted outcome is part of the scenario file, which refuses such text itself; a raw function returns it.
        var kit = Kit.Of(
            """{"type": "REST", "routes": [{"method": "GET", "resource": "/x", "authorizer": "A"}]}""",
            """{"A": {"type": "TOKEN", "identitySource": "method.request.header.A", "function": {"kind": "scripted", "outcomes": [{"timeout": true}]}}}""",
            (_, _) => new RawFunction(System.Text.Encoding.UTF8.GetBytes(output)));
        var result = await kit.Send("GET", "/x", ("A", "t"));
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
        Assert.Contains(path + ": ", result.FailureDetail, StringComparison.Ordinal);
        Assert.Contains("surrogate", result.FailureDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OUT_3_empty_principalId_is_accepted()
    {
        var kit = Kit.RestToken(Outputs.Return("""{"principalId": "", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}"""));
        var result = await kit.Token();
        Expect.Admitted(result);
        Assert.Equal("", Expect.Context(result).GetProperty("authorizer").GetProperty("principalId").GetString());
    }

    [Fact]
    public async Task OUT_4_wrong_case_PolicyDocument_means_the_policy_is_missing_500()
    {
        var kit = Kit.RestToken(Outputs.Return("""{"principalId": "u", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}"""));
        var result = await kit.Token();
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
        Assert.Contains("wrong-case key 'PolicyDocument'", result.FailureDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OUT_4_wrong_case_statement_element_names_make_the_policy_invalid()
    {
        var kit = Kit.RestToken(Outputs.Return("""{"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"effect": "Allow", "action": "execute-api:Invoke", "resource": "*"}]}}"""));
        Expect.Rejected(await kit.Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Theory]
    [InlineData("""{"nested": {"a": 1}}""")]
    [InlineData("""{"list": [1, 2]}""")]
    public async Task OUT_5_object_or_array_context_value_gives_500(string context)
    {
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*", $", \"context\": {context}")));
        var result = await kit.Token();
        Expect.Rejected(result, 500, FailureCodes.ContextValueInvalid);
        Assert.Equal("AuthorizerConfigurationException", result.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task OUT_5_string_number_boolean_context_values_are_accepted()
    {
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*", """, "context": {"s": "x", "n": 1.5, "b": false}""")));
        Expect.Admitted(await kit.Token());
    }

    [Fact]
    public async Task OUT_6_null_context_value_is_accepted_and_passed_through_as_null()
    {
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*", """, "context": {"gone": null}""")));
        var result = await kit.Token();
        Expect.Admitted(result);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Expect.Context(result).GetProperty("authorizer").GetProperty("gone").ValueKind);
    }

    [Fact]
    public async Task OUT_8_rest_output_over_8_KB_is_accepted_by_default()
    {
        var big = new string('x', 9000);
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*", $$""", "context": {"big": "{{big}}"}""")));
        Expect.Admitted(await kit.Token());
    }

    [Fact]
    public async Task OUT_9_unknown_top_level_members_are_ignored()
    {
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*", """, "extra": {"deep": [1]}""")));
        Expect.Admitted(await kit.Token());
    }

    private sealed class RawFunction(byte[] bytes) : IAuthorizerFunction
    {
        public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken) =>
            ValueTask.FromResult<AuthorizerInvocation>(new AuthorizerInvocation.Returned(bytes));
    }
}
