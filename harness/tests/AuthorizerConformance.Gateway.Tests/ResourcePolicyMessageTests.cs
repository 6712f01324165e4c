namespace AuthorizerConformance.Gateway.Tests;

/// <summary>
/// POL-11 (message): a call the resource policy refuses gets the resource policy's own 403 text, with the account in the
/// ARN masked (eight <c>*</c> and its last four digits) unless the profile says otherwise; a Table A "Neither +
/// Neither" denial keeps the authorizer's text unless the profile says otherwise.
/// </summary>
public class ResourcePolicyMessageTests
{
    private const string Arn = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42";
    private const string MaskedArn = "arn:aws:execute-api:us-east-1:********9012:abc123/prod/GET/pets/42";
    private const string AllowOther = """{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:other/*"}""";
    private const string DenyAll = """{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}""";

    private static Kit Stage(string statement, string outcomes, string behavior = "{}", string extraApi = "") => Kit.Of(
        $$"""{"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}, {"method": "GET", "resource": "/open/{id}"}], "behavior": {{behavior}}, "resourcePolicy": {"Version": "2012-10-17", "Statement": [{{statement}}]} {{extraApi}} }""",
        $$"""{"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "scripted", "outcomes": {{outcomes}} } } }""");

    [Fact]
    public async Task An_explicit_deny_of_the_resource_policy_names_the_masked_ARN()
    {
        var result = await Stage(DenyAll, Outputs.AllowAll).Token();

        Expect.Rejected(result, 403, FailureCodes.ResourcePolicyDeny);
        Assert.Equal($$"""{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: {{MaskedArn}} with an explicit deny"}""", result.Body);
        Assert.Equal("AccessDeniedException", result.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task The_profile_can_show_the_whole_account()
    {
        var result = await Stage(DenyAll, Outputs.AllowAll, """{"maskAccountInResourcePolicyDenial": false}""").Token();

        Assert.Equal($$"""{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: {{Arn}} with an explicit deny"}""", result.Body);
    }

    [Fact]
    public async Task A_route_without_authorizer_that_the_resource_policy_does_not_allow_gets_the_implicit_form()
    {
        var result = await Stage(AllowOther, Outputs.AllowAll).Send("GET", "/open/1");

        Expect.Rejected(result, 403, FailureCodes.PolicyImplicitDeny);
        Assert.Equal("""{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abc123/prod/GET/open/1"}""",
            result.Body);
        Assert.Equal("AccessDeniedException", result.Headers["x-amzn-ErrorType"]);
    }

    [Theory]
    [InlineData("{}", """{"Message":"User is not authorized to access this resource"}""")]
    [InlineData("""{"neitherDenialMessage": "authorizer"}""", """{"Message":"User is not authorized to access this resource"}""")]
    [InlineData("""{"neitherDenialMessage": "resourcePolicy"}""",
        """{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abc123/prod/GET/pets/42"}""")]
    public async Task Neither_plus_neither_with_an_authorizer_keeps_the_authorizer_text_by_default(string behavior, string body)
    {
        var result = await Stage(AllowOther, Outputs.Return(Outputs.Policy("Allow", "arn:aws:execute-api:*:*:other/*")), behavior).Token();

        Expect.Rejected(result, 403, FailureCodes.PolicyImplicitDeny);
        Assert.Equal(body, result.Body);
    }

    [Fact]
    public async Task An_authorizer_deny_keeps_the_authorizer_text()
    {
        var result = await Stage(AllowOther, Outputs.Return(Outputs.Policy("Deny", "*")), """{"neitherDenialMessage": "resourcePolicy"}""").Token();

        Assert.Equal("""{"Message":"User is not authorized to access this resource with an explicit deny"}""", result.Body);
    }

    [Fact]
    public async Task A_customised_template_sees_the_resource_policy_text_as_the_error_message()
    {
        var result = await Stage(DenyAll, Outputs.AllowAll,
            extraApi: """, "gatewayResponses": {"ACCESS_DENIED": {"template": "{\"why\":$context.error.messageString}"}}""").Token();

        Assert.Equal($$"""{"why":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: {{MaskedArn}} with an explicit deny"}""", result.Body);
    }

    [Theory]
    [InlineData("arn:aws:execute-api:us-west-2:123456782543:vd2gh6uqw3/api/GET/", "arn:aws:execute-api:us-west-2:********2543:vd2gh6uqw3/api/GET/")]
    [InlineData("arn:aws:execute-api:us-east-1:12:abc/prod/$connect", "arn:aws:execute-api:us-east-1:********12:abc/prod/$connect")]
    [InlineData("not an arn", "not an arn")]
    public void The_mask_keeps_the_last_four_characters_of_the_account(string arn, string masked) =>
        Assert.Equal(masked, ResourcePolicyDenial.MaskAccount(arn));
}
