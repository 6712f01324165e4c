using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Lambda.APIGatewayEvents;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// The seed's TOKEN authorizer, in C#: verifies an HS256 JWT taken from <c>authorizationToken</c>, returns the
/// <c>userId</c> claim as principal, an Allow on the incoming method ARN, and the claims as context. Every token
/// failure is <see cref="UnauthorizedException"/>.
/// </summary>
public sealed class TokenAuthorizer
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;

    public TokenAuthorizer(AuthorizerSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(settings.Secret),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = false,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => LifetimeHolds(notBefore, expires, timeProvider.GetUtcNow().UtcDateTime),
        };
    }

    /// <summary>Authorizes one TOKEN event.</summary>
    public async Task<APIGatewayCustomAuthorizerResponse> AuthorizeAsync(APIGatewayCustomAuthorizerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.AuthorizationToken))
            throw new UnauthorizedException("token-missing");
        if (string.IsNullOrEmpty(request.MethodArn))
            throw new UnauthorizedException("method-arn-missing");

        var result = await Handler.ValidateTokenAsync(request.AuthorizationToken, _parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            throw new UnauthorizedException("token-invalid");

        var claims = ParsePayload(jwt);
        var principalId = claims["userId"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
        return new APIGatewayCustomAuthorizerResponse
        {
            PrincipalId = principalId,
            PolicyDocument = new APIGatewayCustomAuthorizerPolicy
            {
                Statement = [new IAMPolicyStatement { Effect = "Allow", Action = ["execute-api:Invoke"], Resource = [request.MethodArn] }],
            },
            Context = claims,
        };
    }

    private static bool LifetimeHolds(DateTime? notBefore, DateTime? expires, DateTime now) =>
        (notBefore is null || notBefore.Value <= now) && (expires is null || now < expires.Value);

    private static JsonObject ParsePayload(JsonWebToken jwt)
    {
        var json = Base64UrlEncoder.Decode(jwt.EncodedPayload);
        return JsonNode.Parse(json) as JsonObject ?? throw new UnauthorizedException("payload-not-object");
    }
}
