using System.Diagnostics.CodeAnalysis;

namespace AuthorizerConformance.Policy;

/// <summary>
/// An execute-api method or route ARN (ARN-1..ARN-8), the one type the gateway emulation and the policy engine share:
/// <c>arn:{partition}:execute-api:{region}:{accountId}:{apiId}/{stage}/{METHOD}/{path-without-leading-slash}</c>,
/// the root resource as <c>…/{stage}/GET/</c> (ARN-3), and for WebSocket <c>…/{stage}/{routeKey}</c> (ARN-6).
/// </summary>
/// <remarks>
/// The reference authorizer keeps its own parser (the architecture forbids it to reference the harness); both are held
/// to <c>test-data/execute-api-arns.json</c>. Nothing after the stage (<c>…/{stage}/</c>) is not an ARN API Gateway
/// makes: a method ARN always has its verb (ARN-1, the root is <c>GET/</c>, ARN-3) and a route ARN its route key
/// (ARN-6), so it does not parse.
/// </remarks>
/// <param name="Partition">aws, aws-cn, aws-us-gov…</param>
/// <param name="Region">e.g. us-east-1.</param>
/// <param name="AccountId">The 12-digit account id.</param>
/// <param name="ApiId">The API id.</param>
/// <param name="Stage">The stage name.</param>
/// <param name="Method">The HTTP method (REST and HTTP APIs); null for a WebSocket route ARN.</param>
/// <param name="Path">The request path without its leading slash ("" for the root); null for a WebSocket route ARN.</param>
/// <param name="RouteKey">The WebSocket route key such as <c>$connect</c>; null for a method ARN.</param>
public sealed record ExecuteApiArn(
    string Partition, string Region, string AccountId, string ApiId, string Stage, string? Method, string? Path, string? RouteKey)
{
    /// <summary>The service segment of every execute-api ARN.</summary>
    public const string Service = "execute-api";

    /// <summary>ARN-1: the partition of a region (<c>aws-cn</c> in China, <c>aws-us-gov</c> in GovCloud, else <c>aws</c>).</summary>
    public static string PartitionOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
            : "aws";
    }

    /// <summary>Parses an ARN; false when it is not a well-formed execute-api method or route ARN.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ExecuteApiArn? arn)
    {
        arn = null;
        if (text is null)
            return false;
        var view = new ArnView(text);
        if (view.SegmentCount != ArnView.FullSegments || !view.Segment(0).SequenceEqual("arn") ||
            !view.Segment(2).SequenceEqual(Service))
            return false;
        string partition = view.Segment(1).ToString(), region = view.Segment(3).ToString(), account = view.Segment(4).ToString();
        if (partition.Length == 0 || region.Length == 0 || account.Length == 0)
            return false;
        var resource = view.Segment(5).ToString();
        var parts = resource.Split('/', 3);
        // {apiId}/{stage}/ and then a verb or a route key: "…/{stage}/" alone is neither (ARN-1, ARN-3, ARN-6).
        if (parts.Length < 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
            return false;
        var slash = parts[2].IndexOf('/', StringComparison.Ordinal);
        arn = slash < 0
            ? new ExecuteApiArn(partition, region, account, parts[0], parts[1], null, null, parts[2])
            : slash == 0
                ? null // "…/{stage}//path": an empty verb
                : new ExecuteApiArn(partition, region, account, parts[0], parts[1], parts[2][..slash], parts[2][(slash + 1)..], null);
        return arn is not null;
    }

    /// <summary>Parses an ARN or throws <see cref="FormatException"/> naming the text.</summary>
    public static ExecuteApiArn Parse(string text) =>
        TryParse(text, out var arn) ? arn : throw new FormatException($"'{text}' is not an execute-api method or route ARN");

    /// <summary>
    /// Builds a method ARN from the actual request (ARN-2): the path's leading slashes are dropped, so the root path
    /// "/" gives <c>…/{stage}/{method}/</c> (ARN-3).
    /// </summary>
    public static string Format(string partition, string region, string accountId, string apiId, string stage, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Join(partition, region, accountId, apiId, stage, $"{method}/{path.TrimStart('/')}");
    }

    /// <summary>Builds a WebSocket route ARN (ARN-6): <c>…/{stage}/{routeKey}</c>.</summary>
    public static string FormatRoute(string partition, string region, string accountId, string apiId, string stage, string routeKey) =>
        Join(partition, region, accountId, apiId, stage, routeKey);

    /// <summary>The ARN text: what <see cref="Parse"/> read, unchanged.</summary>
    public override string ToString() =>
        Join(Partition, Region, AccountId, ApiId, Stage, Method is not null ? $"{Method}/{Path}" : RouteKey ?? "");

    private static string Join(string partition, string region, string accountId, string apiId, string stage, string rest) =>
        $"arn:{partition}:{Service}:{region}:{accountId}:{apiId}/{stage}/{rest}";
}
