namespace AuthorizerConformance.Authorizer;

/// <summary>
/// An execute-api ARN (ARN-1): <c>arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{verb}/{path}</c>,
/// the root as <c>…/{stage}/GET/</c> (ARN-3), or <c>…/{stage}/$connect</c> on WebSocket APIs (ARN-6).
/// </summary>
/// <remarks>
/// The harness has the same type (<c>AuthorizerConformance.Policy.ExecuteApiArn</c>); this copy exists only because
/// the reference authorizer must not reference the harness. Both are held to <c>test-data/execute-api-arns.json</c>.
/// </remarks>
/// <param name="Partition">aws, aws-cn, aws-us-gov…</param>
/// <param name="Region">e.g. us-east-1.</param>
/// <param name="Account">The account id.</param>
/// <param name="ApiId">The API id.</param>
/// <param name="Stage">The stage name.</param>
/// <param name="Method">The HTTP verb of a method ARN; null for a WebSocket route ARN.</param>
/// <param name="Path">The path after the verb ("" for the root); null for a WebSocket route ARN.</param>
/// <param name="RouteKey">The route key of a WebSocket route ARN (<c>$connect</c>); null for a method ARN.</param>
public sealed record ExecuteApiArn(
    string Partition, string Region, string Account, string ApiId, string Stage, string? Method, string? Path, string? RouteKey)
{
    /// <summary><c>arn:…:{apiId}/{stage}/</c>: every resource of this stage starts with it.</summary>
    public string StagePrefix => $"arn:{Partition}:execute-api:{Region}:{Account}:{ApiId}/{Stage}/";

    /// <summary>Every method and path of the stage (CAC-4: a cached policy must cover every method the user calls).</summary>
    public string StageWildcard => StagePrefix + "*/*";

    /// <summary>The resource for a configured route.</summary>
    public string Resource(RouteSpec route) => StagePrefix + route.ResourceSuffix;

    /// <summary>
    /// Parses a method or route ARN; a malformed one is <see cref="UnauthorizedException"/> (<c>method-arn-invalid</c>).
    /// Nothing after the stage (<c>…/{stage}/</c>) and an empty verb (<c>…/{stage}//x</c>) are malformed: API Gateway
    /// always sends the verb (ARN-1, ARN-3) or the route key (ARN-6).
    /// </summary>
    public static ExecuteApiArn Parse(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
            throw new UnauthorizedException("method-arn-missing");
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "execute-api" || parts[1].Length == 0 || parts[3].Length == 0 || parts[4].Length == 0)
            throw new UnauthorizedException("method-arn-invalid");
        var resource = parts[5].Split('/', 3);
        if (resource.Length < 3 || resource[0].Length == 0 || resource[1].Length == 0 || resource[2].Length == 0)
            throw new UnauthorizedException("method-arn-invalid");
        var verbEnd = resource[2].IndexOf('/', StringComparison.Ordinal);
        if (verbEnd == 0)
            throw new UnauthorizedException("method-arn-invalid");
        return verbEnd < 0
            ? new ExecuteApiArn(parts[1], parts[3], parts[4], resource[0], resource[1], null, null, resource[2])
            : new ExecuteApiArn(parts[1], parts[3], parts[4], resource[0], resource[1], resource[2][..verbEnd], resource[2][(verbEnd + 1)..], null);
    }
}
