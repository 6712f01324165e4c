namespace AuthorizerConformance.Gateway;

/// <summary>Builds execute-api ARNs (ARN-1..3, ARN-6, ARN-8).</summary>
internal static class ExecuteApiArns
{
    /// <summary>ARN-4: a method ARN on an authorization-enabled method may be at most 1600 bytes.</summary>
    public const int MaxMethodArnBytes = 1600;

    /// <summary>ARN-1: the partition follows the region.</summary>
    public static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    /// <summary>ARN-1, ARN-2, ARN-3, ARN-8: the actual verb and the actual path (no leading slash; root gives <c>GET/</c>).</summary>
    public static string ForMethod(ApiDefinition api, string method, string path) =>
        $"{Prefix(api)}/{method.ToUpperInvariant()}/{path.TrimStart('/')}";

    /// <summary>ARN-6: a WebSocket route ARN has no verb: <c>…/{stage}/$connect</c>.</summary>
    public static string ForWebSocketRoute(ApiDefinition api, string routeKey) => $"{Prefix(api)}/{routeKey}";

    private static string Prefix(ApiDefinition api) =>
        $"arn:{Partition(api.Region)}:execute-api:{api.Region}:{api.AccountId}:{api.ApiId}/{api.Stage}";
}
