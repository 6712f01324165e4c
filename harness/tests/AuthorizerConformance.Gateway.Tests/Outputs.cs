namespace AuthorizerConformance.Gateway.Tests;

/// <summary>Canned scripted outcomes (JSON arrays for a scripted function's <c>outcomes</c>).</summary>
internal static class Outputs
{
    public static string Policy(string effect, string resource, string extra = "") =>
        $$"""{"principalId": "user-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "{{effect}}", "Action": "execute-api:Invoke", "Resource": "{{resource}}"}]} {{extra}} }""";

    /// <summary>Allow on exactly the incoming ARN: the classic cache pitfall (CAC-4).</summary>
    public static readonly string AllowIncoming = $$"""[{"return": {{Policy("Allow", "${methodArn}")}}}]""";

    /// <summary>Allow everything in the API.</summary>
    public static readonly string AllowAll = $$"""[{"return": {{Policy("Allow", "arn:aws:execute-api:us-east-1:123456789012:abc123/*")}}}]""";

    public static string Return(string json) => $$"""[{"return": {{json}} }]""";

    public static string Error(string message) => $$"""[{"error": "{{message}}"}]""";

    public const string Timeout = """[{"timeout": true}]""";
}
