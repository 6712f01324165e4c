using System.Reflection;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// What the <c>ILambdaContext</c> handed to a handler answers for one invocation (an <see cref="InterfaceProxy"/> over the handler's own
/// copy of the interface; the Amazon.Lambda packages are not referenced here). Every member of the real interface;
/// <c>Identity</c> and <c>ClientContext</c> are empty objects, as RuntimeSupport gives them when the invoke carries no
/// Cognito headers; <c>TenantId</c> is null (no tenant); <c>Serializer</c> is the handler's serializer, if any.
/// </summary>
internal sealed record LambdaContextValues(
    string RequestId, string TraceId, DateTimeOffset Deadline, TimeProvider Time, LambdaFunctionSettings Settings,
    object Logger, object Identity, object ClientContext, object? Serializer)
{
    public object? Answer(MethodInfo member) => member.Name switch
    {
        "get_AwsRequestId" => RequestId,
        "get_FunctionName" => Settings.FunctionName,
        "get_FunctionVersion" => Settings.FunctionVersion,
        "get_InvokedFunctionArn" => Settings.InvokedFunctionArn,
        "get_LogGroupName" => Settings.LogGroupName,
        "get_LogStreamName" => Settings.LogStreamName,
        "get_MemoryLimitInMB" => Settings.MemoryLimitInMB,
        "get_RemainingTime" => Deadline - Time.GetUtcNow(),
        "get_Logger" => Logger,
        "get_Identity" => Identity,
        "get_ClientContext" => ClientContext,
        "get_TraceId" => TraceId,
        "get_TenantId" => null,
        "get_Serializer" => Serializer,
        _ => throw new NotSupportedException($"{member.DeclaringType?.FullName}.{member.Name} is not supplied by the in-process .NET host"),
    };
}
