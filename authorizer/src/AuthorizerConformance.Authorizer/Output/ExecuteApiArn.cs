namespace AuthorizerConformance.Authorizer;

/// <summary>
/// An execute-api ARN (ARN-1): <c>arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{verb}/{path}</c>,
/// or <c>…/{stage}/$connect</c> on WebSocket APIs (ARN-6).
/// </summary>
public sealed record ExecuteApiArn(string Partition, string Region, string Account, string ApiId, string Stage)
{
    /// <summary><c>arn:…:{apiId}/{stage}/</c>: every resource of this stage starts with it.</summary>
    public string StagePrefix => $"arn:{Partition}:execute-api:{Region}:{Account}:{ApiId}/{Stage}/";

    /// <summary>Every method and path of the stage (CAC-4: a cached policy must cover every method the user calls).</summary>
    public string StageWildcard => StagePrefix + "*/*";

    /// <summary>The resource for a configured route.</summary>
    public string Resource(RouteSpec route) => StagePrefix + route.ResourceSuffix;

    /// <summary>Parses a method or route ARN; a malformed one is <see cref="UnauthorizedException"/> (<c>method-arn-invalid</c>).</summary>
    public static ExecuteApiArn Parse(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
            throw new UnauthorizedException("method-arn-missing");
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "execute-api" || parts[1].Length == 0 || parts[3].Length == 0 || parts[4].Length == 0)
            throw new UnauthorizedException("method-arn-invalid");
        var resource = parts[5].Split('/', 3);
        if (resource.Length < 3 || resource[0].Length == 0 || resource[1].Length == 0)
            throw new UnauthorizedException("method-arn-invalid");
        return new ExecuteApiArn(parts[1], parts[3], parts[4], resource[0], resource[1]);
    }
}
