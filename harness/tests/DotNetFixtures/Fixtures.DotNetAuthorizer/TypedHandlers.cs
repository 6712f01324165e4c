using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

namespace Fixtures.DotNetAuthorizer;

/// <summary>Typed handlers: the serializer comes from the method's [LambdaSerializer].</summary>
public static class TypedHandlers
{
    /// <summary>Allow for "allow", Deny for "deny", <c>throw new Exception("Unauthorized")</c> otherwise.</summary>
    [LambdaSerializer(typeof(CamelCaseLambdaJsonSerializer))]
    public static AuthorizerResponse Authorize(TokenRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        context.Logger.LogLine($"authorizing {request.MethodArn} in {context.FunctionName}");
        const string principal = "user";
        return request.AuthorizationToken switch
        {
            "allow" => AuthorizerResponse.For(principal, "Allow", request.MethodArn),
            "deny" => AuthorizerResponse.For(principal, "Deny", request.MethodArn),
#pragma warning disable CA2201 // the point: a plain Exception, as many authorizers throw it
            _ => throw new Exception("Unauthorized"),
#pragma warning restore CA2201
        };
    }

    /// <summary>The same, async, one parameter; a bad token throws <see cref="UnauthorizedAccessException"/> after an await.</summary>
    [LambdaSerializer(typeof(CamelCaseLambdaJsonSerializer))]
    public static async Task<AuthorizerResponse> AuthorizeAsync(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Yield();
        return request.AuthorizationToken == "allow"
            ? AuthorizerResponse.For("async-user", "Allow", request.MethodArn)
            : throw new UnauthorizedAccessException("Unauthorized");
    }

    /// <summary>Returns nothing: Lambda answers with an empty payload.</summary>
    [LambdaSerializer(typeof(CamelCaseLambdaJsonSerializer))]
    public static void Ignore(TokenRequest request) => ArgumentNullException.ThrowIfNull(request);

    /// <summary>No parameters, a Task: an empty payload once it completes.</summary>
    public static Task NothingAsync() => Task.Delay(1);

    /// <summary>Typed without any [LambdaSerializer]: Lambda refuses it at init.</summary>
    public static TokenRequest NoSerializer(TokenRequest request) => request;
}
