using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>The ILambdaContext handed to a handler, bound by name to its own Amazon.Lambda.Core.</summary>
public class DotNetContextTests
{
    [Fact]
    public async Task The_context_reports_the_functions_settings_from_its_environment_and_the_time_left()
    {
        var environment = new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_NAME"] = "orders-authorizer", ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256" };
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Context"), new FakeTimeProvider(DateTimeOffset.UnixEpoch), environment);

        using var context = JsonDocument.Parse(DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));

        var root = context.RootElement;
        Assert.Equal("orders-authorizer", root.GetProperty("functionName").GetString());
        Assert.Equal(256, root.GetProperty("memoryLimitInMB").GetInt32());
        Assert.Equal("$LATEST", root.GetProperty("functionVersion").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-authorizer", root.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal("/aws/lambda/orders-authorizer", root.GetProperty("logGroupName").GetString());
        Assert.Equal(3000, root.GetProperty("remainingTimeMs").GetDouble());
        Assert.True(Guid.TryParse(root.GetProperty("awsRequestId").GetString(), out _));
        Assert.Matches("^Root=1-00000000-[0-9a-f]{24};Sampled=0$", root.GetProperty("traceId").GetString());
        Assert.True(root.GetProperty("identityIsPresent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("identityId").ValueKind);
        Assert.True(root.GetProperty("clientContextIsPresent").GetBoolean());
    }

    [Fact]
    public async Task Each_invocation_has_its_own_request_id()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Context"));

        using var first = JsonDocument.Parse(DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));
        using var second = JsonDocument.Parse(DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));

        Assert.NotEqual(first.RootElement.GetProperty("awsRequestId").GetString(), second.RootElement.GetProperty("awsRequestId").GetString());
    }
}
