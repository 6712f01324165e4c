using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace Fixtures.DotNetAuthorizer.AssemblySerializer;

/// <summary>The event as far as it is read.</summary>
public sealed class Request
{
    public string AuthorizationToken { get; set; }
}

/// <summary>The answer; its property names show which serializer wrote it.</summary>
public sealed class Answer
{
    public string PrincipalId { get; set; }
}

/// <summary>Handlers serialized by the assembly's serializer, or by the method's when it names one.</summary>
public static class Function
{
    /// <summary>Serialized by the assembly's DefaultLambdaJsonSerializer: <c>PrincipalId</c>.</summary>
    public static Answer Handler(Request request) => new() { PrincipalId = request?.AuthorizationToken };

    /// <summary>The method's CamelCaseLambdaJsonSerializer wins: <c>principalId</c>.</summary>
    [LambdaSerializer(typeof(CamelCaseLambdaJsonSerializer))]
    public static Answer CamelHandler(Request request) => new() { PrincipalId = request?.AuthorizationToken };
}
