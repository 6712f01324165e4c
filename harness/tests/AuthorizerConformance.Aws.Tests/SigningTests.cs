using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.Fakes;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>SigV4: the fake's own verifier against the published vectors, and the client's signatures against it.</summary>
public sealed class SigningTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Theory]
    // The AWS SigV4 test suite's get-vanilla and post-vanilla (service "service", us-east-1, 20150830T123600Z).
    [InlineData("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void The_fake_verifier_reproduces_the_published_vectors(string method, string expected)
    {
        var headers = new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };
        var canonical = SigV4Verifier.CanonicalRequest(method, "/", "", ["host", "x-amz-date"], headers,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        Assert.Equal(expected, SigV4Verifier.Signature(Secret, "20150830T123600Z", "us-east-1", "service", canonical));
    }

    [Fact]
    public async Task Session_credentials_send_and_sign_the_session_token()
    {
        var credentials = new FakeCredentials("ASIAEXAMPLESESSION", Secret, "session-token-of-this-test");
        await using var world = await World.StartAsync(credentials);
        using var client = world.Client(credentials: new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        using var wrong = world.Client(credentials: new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, "another-token"));

        var stage = await client.GetStageAsync(World.ApiId, "prod", TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => wrong.GetStageAsync(World.ApiId, "prod", TestContext.Current.CancellationToken));

        Assert.Equal("prod", stage.StageName);
        Assert.Equal("UnrecognizedClientException", refused.ErrorType);
        Assert.DoesNotContain("another-token", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_as_an_invalid_signature_without_echoing_the_secret()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(credentials: new BasicAWSCredentials(FakeCredentials.Default.AccessKeyId, "not-the-secret-0123456789"));

        var refused = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetRestApisAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("InvalidSignatureException", refused.ErrorType);
        Assert.Contains("clock", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", refused.Message, StringComparison.Ordinal);
        Assert.False(world.Fake.Requests.Single().SignatureValid);
    }

    [Fact]
    public async Task Query_parameters_and_escaped_ids_are_signed_as_the_service_expects()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();

        // The fake's positions are numbers, so this one is a BadRequest, answered only after the signature verified.
        var refused = await Assert.ThrowsAsync<AmazonAPIGatewayException>(() => client.GetRestApisAsync(limit: 7, position: "a b/c+d", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("BadRequestException", refused.ErrorType);
        Assert.True(world.Fake.Requests.Single().SignatureValid);
    }
}
