namespace AuthorizerConformance.Gateway.Tests.Hardening;

/// <summary>
/// Issue 16, defect 16: an authorizer output naming a member twice (a Deny policy, then an Allow one) is handled by the
/// named behaviour option <c>duplicateOutputKeys</c> and never silently: invalid by default, last-wins on request.
/// </summary>
public class DuplicateOutputKeyTests
{
    private static string Document(string effect) =>
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"" + effect + "\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}]}";

    private static string Twice(string first, string second) => System.Text.Json.JsonSerializer.Serialize(
        "{\"principalId\": \"u\", \"policyDocument\": " + Document(first) + ", \"policyDocument\": " + Document(second) + "}");

    private static string Outcomes(string first, string second) => $$"""[{"returnText": {{Twice(first, second)}} }]""";

    [Fact]
    public async Task By_default_a_duplicated_policy_document_is_malformed_output_and_the_detail_names_it()
    {
        var kit = Kit.RestToken(Outcomes("Deny", "Allow"));
        var result = await kit.Token();
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
        Assert.Contains("duplicateOutputKeys", result.FailureDetail, StringComparison.Ordinal);
        Assert.Contains("policyDocument", result.FailureDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_wins_is_a_named_option()
    {
        var kit = Kit.RestToken(Outcomes("Deny", "Allow"), behavior: """{"duplicateOutputKeys": "lastWins"}""");
        Expect.Admitted(await kit.Token());
    }

    [Fact]
    public async Task A_duplicated_is_authorized_is_malformed_by_default()
    {
        var kit = Kit.Of(
            """{"type": "HTTP", "routes": [{"routeKey": "GET /pets/{id}", "authorizer": "A"}]}""",
            """{"A": {"type": "REQUEST", "identitySource": ["$request.header.Authorization"], "payloadFormatVersion": "2.0", "enableSimpleResponses": true, "function": {"kind": "scripted", "outcomes": [{"returnText": "{\"isAuthorized\": false, \"isAuthorized\": true}"}]}}}""");
        var result = await kit.Token();
        Assert.Equal(500, result.Status);
        Assert.Equal(FailureCodes.AuthorizerOutputInvalid, result.Failure);
    }
}
