using System.Text.Json;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Aws.Fakes;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>The five operations against the fake: real JSON shapes, paging by <c>item</c>/<c>position</c>, signed requests.</summary>
public sealed class OperationTests
{
    private static FakeRestApi Api(string id, int authorizers = 0) => new()
    {
        Id = id, Name = "api-" + id,
        Authorizers = [.. Enumerable.Range(0, authorizers).Select(i => new FakeAuthorizer { Id = $"a{i:00}", Function = _ => throw new InvalidOperationException("not invoked") })],
    };

    [Fact]
    public async Task GetRestApis_pages_through_item_and_position()
    {
        await using var world = await World.StartAsync(extraApis: [Api("zz0001"), Api("zz0002")]);
        using var client = world.Client();

        var first = await client.GetRestApisAsync(limit: 2, cancellationToken: TestContext.Current.CancellationToken);
        var second = await client.GetRestApisAsync(limit: 2, position: first.Position, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["abc123", "zz0001"], first.Items!.Select(a => a.Id));
        Assert.Equal("pets", first.Items![0].Name);
        Assert.NotNull(first.Position);
        Assert.Equal(["zz0002"], second.Items!.Select(a => a.Id));
        Assert.Null(second.Position);
        Assert.All(world.Fake.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task GetAuthorizers_pages_at_the_service_default_of_25()
    {
        await using var world = await World.StartAsync(extraApis: [Api("many01", authorizers: 30)]);
        using var client = world.Client();

        var first = await client.GetAuthorizersAsync("many01", cancellationToken: TestContext.Current.CancellationToken);
        var rest = await client.GetAuthorizersAsync("many01", limit: 500, position: first.Position, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(25, first.Items!.Count);
        Assert.Equal(5, rest.Items!.Count);
        Assert.Equal("a29", rest.Items![^1].Id);
        Assert.Null(rest.Position);
    }

    [Fact]
    public async Task GetAuthorizer_describes_type_identity_source_expression_and_ttl()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();

        var authorizer = await client.GetAuthorizerAsync(World.ApiId, World.AuthorizerId, TestContext.Current.CancellationToken);

        Assert.Equal("TOKEN", authorizer.Type);
        Assert.Equal("method.request.header.Authorization", authorizer.IdentitySource);
        Assert.Equal("^Bearer .+$", authorizer.IdentityValidationExpression);
        Assert.Equal(300, authorizer.AuthorizerResultTtlInSeconds);
        Assert.StartsWith("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/", authorizer.AuthorizerUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStage_gives_the_stage_variables()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();

        var stage = await client.GetStageAsync(World.ApiId, "prod", TestContext.Current.CancellationToken);

        Assert.Equal("prod", stage.StageName);
        Assert.Equal("test", stage.Variables!["env"]);
    }

    [Fact]
    public async Task TestInvokeAuthorizer_runs_the_real_function_and_returns_its_policy_as_a_string()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();
        var token = World.ValidToken();

        var answer = await client.TestInvokeAuthorizerAsync(new TestInvokeAuthorizerRequest
        {
            RestApiId = World.ApiId, AuthorizerId = World.AuthorizerId,
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            StageVariables = new Dictionary<string, string> { ["env"] = "test" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(0, answer.ClientStatus);
        Assert.Equal("user-123", answer.PrincipalId);
        using var policy = JsonDocument.Parse(answer.Policy!);
        Assert.Equal("2012-10-17", policy.RootElement.GetProperty("Version").GetString());
        Assert.Contains("Authorizer result body before parsing: {", answer.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, answer.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 401)]                      // TIA-5: identity source missing, function not invoked
    [InlineData("Token abc", 401)]               // TIA-5: validation expression mismatch
    [InlineData("Bearer not.a.jwt", 401)]        // the function says Unauthorized
    public async Task TestInvokeAuthorizer_maps_refusals_to_clientStatus_401(string? header, int expected)
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();

        var answer = await client.TestInvokeAuthorizerAsync(new TestInvokeAuthorizerRequest
        {
            RestApiId = World.ApiId, AuthorizerId = World.AuthorizerId,
            Headers = header is null ? null : new Dictionary<string, string> { ["Authorization"] = header },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(expected, answer.ClientStatus);
        Assert.Null(answer.Policy);
    }

    [Fact]
    public async Task TestInvokeAuthorizer_of_a_failing_function_is_clientStatus_500()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();

        var answer = await client.TestInvokeAuthorizerAsync(new TestInvokeAuthorizerRequest
        {
            RestApiId = World.ApiId, AuthorizerId = World.BrokenId,
            Headers = new Dictionary<string, string> { ["Authorization"] = "x" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(500, answer.ClientStatus);
        Assert.Contains("AuthorizerConfigurationException", answer.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_are_NotFound_naming_the_id()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();

        var api = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetStageAsync("nope42", "prod", TestContext.Current.CancellationToken));
        var authorizer = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetAuthorizerAsync(World.ApiId, "zzz999", TestContext.Current.CancellationToken));

        Assert.Equal("NotFoundException", api.ErrorType);
        Assert.Contains("REST API 'nope42'", api.Message, StringComparison.Ordinal);
        Assert.Contains("authorizer 'zzz999'", authorizer.Message, StringComparison.Ordinal);
        Assert.Equal(2, world.Fake.Requests.Count); // a 404 is not retried
    }
}
