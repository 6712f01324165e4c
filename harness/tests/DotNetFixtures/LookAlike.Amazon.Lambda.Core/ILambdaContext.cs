namespace Amazon.Lambda.Core;

/// <summary>Look-alike of the real interface: the same members, names and types.</summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }

    IClientContext ClientContext { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    ICognitoIdentity Identity { get; }

    string InvokedFunctionArn { get; }

    ILambdaLogger Logger { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    int MemoryLimitInMB { get; }

    TimeSpan RemainingTime { get; }

    string TenantId => string.Empty;

    string TraceId => string.Empty;

    ILambdaSerializer Serializer => null;
}
