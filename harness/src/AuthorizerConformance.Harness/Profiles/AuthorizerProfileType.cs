namespace AuthorizerConformance.Harness.Profiles;

/// <summary>
/// The kinds of authorizer a profile's <c>type</c> names, as API Gateway configures them: a REST TOKEN or REQUEST
/// authorizer, an HTTP API authorizer with simple (<c>isAuthorized</c>) or IAM-policy responses (payload 2.0), and a
/// WebSocket <c>$connect</c> authorizer.
/// </summary>
public static class AuthorizerProfileType
{
    public const string Token = "TOKEN";
    public const string Request = "REQUEST";
    public const string HttpSimple = "HTTP_SIMPLE";
    public const string HttpIam = "HTTP_IAM";
    public const string WebSocket = "WEBSOCKET";

    /// <summary>Every type, in the order the issue lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Token, Request, HttpSimple, HttpIam, WebSocket];

    /// <summary>The type of the function a scenario's authorizer calls, from the reference handler variant that fits it
    /// (<c>token</c>, <c>request</c>, <c>http-simple</c>, <c>http-iam</c>, <c>websocket</c>).</summary>
    public static string FromVariant(string variant) => variant switch
    {
        "token" => Token,
        "request" => Request,
        "http-simple" => HttpSimple,
        "http-iam" => HttpIam,
        "websocket" => WebSocket,
        _ => throw new ArgumentException($"unknown handler variant \"{variant}\"", nameof(variant)),
    };
}
