namespace AuthorizerConformance.Gateway;

/// <summary>The default status, <c>x-amzn-ErrorType</c> and message of each gateway response type (spec 1.2, GWR-3, section N).</summary>
internal sealed record DefaultGatewayResponse(int Status, string? ErrorType)
{
    public static DefaultGatewayResponse For(GatewayResponseType type) => type switch
    {
        GatewayResponseType.Unauthorized => new(401, "UnauthorizedException"),
        GatewayResponseType.AccessDenied => new(403, "AccessDeniedException"),
        GatewayResponseType.AuthorizerConfigurationError => new(500, "AuthorizerConfigurationException"),
        // Section N: AuthorizerFailureException has no observed trigger for Lambda authorizers (L).
        GatewayResponseType.AuthorizerFailure => new(500, "AuthorizerFailureException"),
        GatewayResponseType.MissingAuthenticationToken => new(403, "MissingAuthenticationTokenException"),
        GatewayResponseType.InvalidApiKey => new(403, "ForbiddenException"),
        GatewayResponseType.RequestUriTooLong => new(414, null),
        GatewayResponseType.Default4xx => new(400, null),
        GatewayResponseType.Default5xx => new(500, null),
        _ => throw new InvalidOperationException($"Unknown gateway response type {type}."),
    };
}
