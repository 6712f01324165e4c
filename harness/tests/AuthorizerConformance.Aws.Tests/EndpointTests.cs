using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>The endpoint chain (a contract): explicit URL, AWS_ENDPOINT_URL_API_GATEWAY, AWS_ENDPOINT_URL, the regional host.</summary>
public sealed class EndpointTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_service_specific_variable_wins_over_the_general_one()
    {
        var uri = ApiGatewayEndpoint.Resolve(null, "us-east-1", "amazonaws.com",
            Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:1111"), ("AWS_ENDPOINT_URL_API_GATEWAY", "http://127.0.0.1:2222")));

        Assert.Equal(new Uri("http://127.0.0.1:2222/"), uri);
    }

    [Fact]
    public void The_general_variable_serves_when_the_specific_one_is_unset()
    {
        Assert.Equal(new Uri("http://127.0.0.1:1111/"), ApiGatewayEndpoint.Resolve(null, "us-east-1", "amazonaws.com", Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:1111"))));
    }

    [Fact]
    public void An_explicit_URL_wins_over_both_and_a_base_path_is_kept()
    {
        var uri = ApiGatewayEndpoint.Resolve("http://127.0.0.1:3333/proxy", "us-east-1", "amazonaws.com", Env(("AWS_ENDPOINT_URL_API_GATEWAY", "http://127.0.0.1:2222")));

        Assert.Equal(new Uri("http://127.0.0.1:3333/proxy/"), uri);
    }

    [Theory]
    [InlineData("us-east-1", "amazonaws.com", "https://apigateway.us-east-1.amazonaws.com/")]
    [InlineData("eu-west-1", "amazonaws.com", "https://apigateway.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "amazonaws.com.cn", "https://apigateway.cn-north-1.amazonaws.com.cn/")]
    public void Without_an_override_the_regional_host_is_used(string region, string suffix, string expected)
    {
        Assert.Equal(new Uri(expected), ApiGatewayEndpoint.Resolve(null, region, suffix, Env()));
    }

    [Fact]
    public void The_client_takes_the_partition_suffix_from_the_region()
    {
        using var client = new AmazonAPIGatewayClient(new AmazonAPIGatewayConfig
            { RegionEndpoint = RegionEndpoint.CNNorth1, Credentials = new BasicAWSCredentials("a", "b"), Environment = Env() });

        Assert.Equal(new Uri("https://apigateway.cn-north-1.amazonaws.com.cn/"), client.Endpoint);
    }

    [Theory]
    [InlineData("127.0.0.1:4566")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("http://127.0.0.1:4566/?x=1")]
    public void A_malformed_URL_is_an_error_naming_the_variable(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiGatewayEndpoint.Resolve(null, "us-east-1", "amazonaws.com", Env(("AWS_ENDPOINT_URL_API_GATEWAY", value))));

        Assert.Contains("AWS_ENDPOINT_URL_API_GATEWAY must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
    }
}
