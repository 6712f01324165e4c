using System.Reflection;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// The <c>ILambdaContext</c> handed to a handler: a <see cref="DispatchProxy"/> over the handler's own copy of the
/// interface (bound by name; the Amazon.Lambda packages are not referenced here). Answers every member of the real
/// interface; <c>Identity</c> and <c>ClientContext</c> are empty objects, as RuntimeSupport gives them when the invoke
/// carries no Cognito headers.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives a proxy type from it
internal class LambdaContextProxy : DispatchProxy
#pragma warning restore CA1852
{
    internal LambdaContextValues Values { get; set; } = null!;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_AwsRequestId" => Values.RequestId,
        "get_FunctionName" => Values.Settings.FunctionName,
        "get_FunctionVersion" => Values.Settings.FunctionVersion,
        "get_InvokedFunctionArn" => Values.Settings.InvokedFunctionArn,
        "get_LogGroupName" => Values.Settings.LogGroupName,
        "get_LogStreamName" => Values.Settings.LogStreamName,
        "get_MemoryLimitInMB" => Values.Settings.MemoryLimitInMB,
        "get_RemainingTime" => Values.Deadline - Values.Time.GetUtcNow(),
        "get_Logger" => Values.Logger,
        "get_Identity" => Values.Identity,
        "get_ClientContext" => Values.ClientContext,
        "get_TraceId" => Values.TraceId,
        "get_TenantId" => null,
        "get_Serializer" => Values.Serializer,
        _ => throw new NotSupportedException($"{targetMethod?.DeclaringType?.FullName}.{targetMethod?.Name} is not supplied by the in-process .NET host"),
    };
}

/// <summary>What one invocation's <see cref="LambdaContextProxy"/> answers.</summary>
internal sealed record LambdaContextValues(
    string RequestId, string TraceId, DateTimeOffset Deadline, TimeProvider Time, LambdaFunctionSettings Settings,
    object Logger, object Identity, object ClientContext, object? Serializer);

/// <summary>An empty <c>ICognitoIdentity</c> or <c>IClientContext</c>: every member is null.</summary>
#pragma warning disable CA1852 // DispatchProxy derives a proxy type from it
internal class EmptyProxy : DispatchProxy
#pragma warning restore CA1852
{
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => null;
}
