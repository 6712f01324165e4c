using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>The fake stage (the emulation over HTTP) and the test invoke's Deny (TIA-4).</summary>
public sealed class FakeStageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<FakeStage> StageAsync()
    {
        var scenario = ScenarioParser.Parse("""
            {"api": {"type": "REST", "stage": "prod", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "reference"}}},
             "requests": []}
            """).Scenario!;
        var gateway = new ApiGateway(scenario.Api, scenario.Authorizers,
            _ => ReferenceFunctionFactory.Create("token", new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = World.Secret }, TimeProvider.System),
            TimeProvider.System);
        return await new FakeStage(gateway, "prod").StartAsync();
    }

    [Fact]
    public async Task The_fake_stage_answers_like_the_emulation()
    {
        await using var stage = await StageAsync();
        using var http = new HttpClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Get, stage.Url + "/pets/1");
        allowed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", World.ValidToken());

        using var ok = await http.SendAsync(allowed, Ct);
        using var refused = await http.GetAsync(stage.Url + "/pets/1", Ct);
        using var noStage = await http.GetAsync(new Uri(stage.Url, "/pets/1"), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("UnauthorizedException", refused.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("{\"message\":\"Unauthorized\"}", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, noStage.StatusCode);
        Assert.Equal([true, false], stage.Results.Select(r => r.AuthorizerInvoked));
    }

    [Fact]
    public async Task A_test_invoke_of_a_Deny_policy_is_a_successful_test_with_the_policy()
    {
        var deny = """{"principalId": "u-1", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*"}]}}""";
        var authorizer = new FakeAuthorizer
        {
            Id = "deny01",
            Function = _ => new InProcessAuthorizerFunction(_ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(deny))), TimeProvider.System),
        };
        await using var world = await World.StartAsync(extraApis: [new FakeRestApi { Id = "deny99", Authorizers = [authorizer] }]);
        using var client = world.Client();

        var answer = await client.TestInvokeAuthorizerAsync(new TestInvokeAuthorizerRequest
        {
            RestApiId = "deny99", AuthorizerId = "deny01", Headers = new Dictionary<string, string> { ["Authorization"] = "anything" },
        }, Ct);

        Assert.Equal(0, answer.ClientStatus); // TIA-4: not evaluated against a method
        Assert.Equal("u-1", answer.PrincipalId);
        Assert.Contains("\"Deny\"", answer.Policy, StringComparison.Ordinal);
    }
}
