using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Authorizer;

internal sealed partial class JwtValidator
{
    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> candidates, string alg)
    {
        var issuers = settings.Issuers.Count > 0 ? settings.Issuers
            : keys.DiscoveredIssuer is { } discovered ? [discovered] : [];
        return new TokenValidationParameters
        {
            // The key set is already narrowed to keys whose type fits the header's alg and whose kid matches.
            IssuerSigningKeyResolver = (_, _, _, _) => candidates,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = [alg],
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            ValidateIssuer = issuers.Count > 0,
            ValidIssuers = issuers,
            ValidateAudience = settings.Audiences.Count > 0,
            AudienceValidator = settings.Audiences.Count > 0 ? AudienceHolds : null,
            ValidateLifetime = true,
            RequireExpirationTime = settings.RequiredClaims.Contains("exp"),
            ClockSkew = settings.ClockSkew,
            LifetimeValidator = LifetimeHolds,
            ValidateTokenReplay = false,
        };
    }

    // The lifetime is judged on the injected clock (IdentityModel's own check reads the system clock).
    private bool LifetimeHolds(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null && parameters.RequireExpirationTime)
            throw new SecurityTokenNoExpirationException("exp is required");
        if (notBefore is { } nbf && now + settings.ClockSkew < nbf)
            throw new SecurityTokenNotYetValidException("nbf is in the future");
        // RFC 7519 §4.1.4: the current time must be before exp (plus the allowed skew).
        if (expires is { } exp && now - settings.ClockSkew >= exp)
            throw new SecurityTokenExpiredException("exp has passed");
        return true;
    }

    // Cognito access tokens carry the app client in client_id and have no aud; they match AUTH_AUDIENCE through it.
    private bool AudienceHolds(IEnumerable<string> audiences, SecurityToken token, TokenValidationParameters _)
    {
        var list = audiences.ToList();
        if (list.Count == 0 && token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("client_id", out var clientId))
            list.Add(clientId);
        return list.Any(a => settings.Audiences.Contains(a, StringComparer.Ordinal));
    }

    private static string Reason(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "jwt-expired",
        SecurityTokenNotYetValidException => "jwt-not-yet-valid",
        SecurityTokenNoExpirationException => "exp-missing",
        SecurityTokenInvalidLifetimeException => "lifetime-invalid",
        SecurityTokenInvalidIssuerException => "issuer-invalid",
        SecurityTokenInvalidAudienceException => "audience-invalid",
        SecurityTokenInvalidAlgorithmException => "alg-not-allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "signature-invalid",
        SecurityTokenMalformedException => "token-malformed",
        _ => "token-invalid",
    };
}
