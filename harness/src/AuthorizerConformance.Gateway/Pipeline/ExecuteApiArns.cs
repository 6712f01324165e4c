using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>The stage's execute-api ARNs, built with the one ARN type, <see cref="ExecuteApiArn"/> (ARN-1..4, ARN-6, ARN-8).</summary>
internal static class ExecuteApiArns
{
    /// <summary>ARN-4: a method ARN on an authorization-enabled method may be at most 1600 bytes.</summary>
    public const int MaxMethodArnBytes = 1600;

    /// <summary>ARN-1, ARN-2, ARN-3, ARN-8: the actual verb and the actual path (no leading slash; root gives <c>GET/</c>).</summary>
    public static string ForMethod(ApiDefinition api, string method, string path) =>
        ExecuteApiArn.Format(ExecuteApiArn.PartitionOf(api.Region), api.Region, api.AccountId, api.ApiId, api.Stage, method.ToUpperInvariant(), path);

    /// <summary>ARN-6: a WebSocket route ARN has no verb: <c>…/{stage}/$connect</c>.</summary>
    public static string ForWebSocketRoute(ApiDefinition api, string routeKey) =>
        ExecuteApiArn.FormatRoute(ExecuteApiArn.PartitionOf(api.Region), api.Region, api.AccountId, api.ApiId, api.Stage, routeKey);
}
