using System.Text.Json;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>Stream and typed, sync and async handlers; Lambda's errorType/errorMessage for what they throw.</summary>
public class DotNetInvocationTests
{
    private const string AllowEvent = """{"type":"TOKEN","authorizationToken":"allow","methodArn":"arn:aws:execute-api:us-east-1:123456789012:api/prod/GET/pets"}""";

    [Fact]
    public async Task A_typed_handler_reads_the_event_and_writes_its_result_with_the_methods_serializer()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("TypedHandlers", "Authorize"));

        using var response = JsonDocument.Parse(DotNetFixture.Returned(await DotNetFixture.Invoke(host, AllowEvent)));

        Assert.Equal("user", response.RootElement.GetProperty("principalId").GetString());
        var statement = response.RootElement.GetProperty("policyDocument").GetProperty("statement")[0];
        Assert.Equal("Allow", statement.GetProperty("effect").GetString());
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:api/prod/GET/pets", statement.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task A_thrown_Exception_is_Lambdas_function_error_with_the_simple_type_name()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("TypedHandlers", "Authorize"));

        var outcome = await DotNetFixture.Invoke(host, """{"authorizationToken":"bad","methodArn":"arn"}""");

        Assert.Equal(new AuthorizerInvocation.FunctionError("Unauthorized", "Exception"), outcome);
    }

    [Fact]
    public async Task An_async_typed_handler_is_awaited_and_its_exception_is_reported_unwrapped()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("TypedHandlers", "AuthorizeAsync"));

        Assert.Contains("\"principalId\":\"async-user\"", DotNetFixture.Returned(await DotNetFixture.Invoke(host, AllowEvent)), StringComparison.Ordinal);
        Assert.Equal(new AuthorizerInvocation.FunctionError("Unauthorized", "UnauthorizedAccessException"), await DotNetFixture.Invoke(host, "{\"authorizationToken\":\"x\"}"));
    }

    [Theory]
    [InlineData("Fault", "the key store is unreachable", "AuthorizerFaultException")]
    [InlineData("FaultAsync", "no signing key configured", "InvalidOperationException")]
    public async Task A_teams_own_exception_type_is_reported_by_its_simple_name(string method, string message, string type)
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", method));

        Assert.Equal(new AuthorizerInvocation.FunctionError(message, type), await DotNetFixture.Invoke(host, "{}"));
    }

    [Fact]
    public async Task An_event_the_serializer_cannot_read_is_the_serializers_function_error()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("TypedHandlers", "Authorize"));

        var outcome = Assert.IsType<AuthorizerInvocation.FunctionError>(await DotNetFixture.Invoke(host, "[1,2]"));

        Assert.Equal("JsonSerializerException", outcome.Type);
        Assert.StartsWith("Error converting the Lambda event JSON payload to type Fixtures.DotNetAuthorizer.TokenRequest", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TypedHandlers", "Ignore")]
    [InlineData("TypedHandlers", "NothingAsync")]
    public async Task A_handler_that_returns_nothing_answers_an_empty_payload(string type, string method)
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function(type, method));

        Assert.Equal(string.Empty, DotNetFixture.Returned(await DotNetFixture.Invoke(host, AllowEvent)));
    }

    [Fact]
    public async Task An_async_stream_handler_with_a_context_is_awaited()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "EchoAsync"));

        Assert.Equal(AllowEvent, DotNetFixture.Returned(await DotNetFixture.Invoke(host, AllowEvent)));
    }

    [Fact]
    public async Task A_response_over_Lambdas_6_MB_limit_is_Function_ResponseSizeTooLarge()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Huge"));

        var outcome = await DotNetFixture.Invoke(host, "{}");

        Assert.Equal(
            new AuthorizerInvocation.FunctionError("Response payload size (7340032 bytes) exceeded maximum allowed payload size (6291556 bytes).", "Function.ResponseSizeTooLarge"),
            outcome);
    }

    [Fact]
    public async Task An_endless_response_stream_is_read_only_past_the_limit_and_refused()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Endless"));

        var outcome = Assert.IsType<AuthorizerInvocation.FunctionError>(await DotNetFixture.Invoke(host, "{}"));

        Assert.Equal("Function.ResponseSizeTooLarge", outcome.Type);
    }

    [Fact]
    public async Task The_assemblys_serializer_is_used_when_the_method_names_none()
    {
        await using var host = DotNetFixture.Start($"dotnet:{DotNetFixture.AssemblySerializer}::Fixtures.DotNetAuthorizer.AssemblySerializer.Function::Handler");

        Assert.Equal("{\"PrincipalId\":\"t\"}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{\"authorizationToken\":\"t\"}")));
    }

    [Fact]
    public async Task The_methods_serializer_wins_over_the_assemblys()
    {
        await using var host = DotNetFixture.Start($"dotnet:{DotNetFixture.AssemblySerializer}::Fixtures.DotNetAuthorizer.AssemblySerializer.Function::CamelHandler");

        Assert.Equal("{\"principalId\":\"t\"}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{\"authorizationToken\":\"t\"}")));
    }

    [Fact]
    public async Task An_instance_handler_is_made_once_per_environment_and_stays_warm()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("InstanceHandler", "Handle"));

        Assert.Equal("{\"instance\":1,\"calls\":1}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));
        Assert.Equal("{\"instance\":1,\"calls\":2}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));
    }
}
