using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Validates a token: the strict parse (<see cref="StrictJwt"/>), header rules (RFC 8725), then signature,
/// algorithm, issuer, audience and lifetime with Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>, then
/// <c>iat</c> and required claims. Every failure is an <see cref="UnauthorizedException"/> with a reason code.
/// </summary>
internal sealed partial class JwtValidator(AuthorizerSettings settings, SigningKeyStore keys, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };


    /// <summary>The validated token; the caller disposes it.</summary>
    public async Task<StrictJwt> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var jwt = StrictJwt.Parse(token);
        try
        {
            var (alg, kid) = CheckHeader(jwt);
            if (!jwt.HasSignature)
                throw new UnauthorizedException("signature-missing");
            CheckTimeClaimTypes(jwt.Payload);
            var candidates = await keys.CandidatesAsync(alg, kid, cancellationToken).ConfigureAwait(false);
            var result = await Handler.ValidateTokenAsync(token, Parameters(candidates, alg)).ConfigureAwait(false);
            if (!result.IsValid)
                throw new UnauthorizedException(Reason(result.Exception), result.Exception);
            CheckIssuedAt(jwt.Payload);
            CheckRequiredClaims(jwt.Payload);
            return jwt;
        }
        catch
        {
            jwt.Dispose();
            throw;
        }
    }

    private (string Alg, string? Kid) CheckHeader(StrictJwt jwt)
    {
        // Member names are looked up as UTF-8 literals: no transcoding per lookup.
        var header = jwt.Header;
        if (header.TryGetProperty("enc"u8, out _))
            throw new UnauthorizedException("jwe-unsupported");
        // RFC 8725 §3.1: the algorithm comes from an allow-list; "none" and its casings are never on it.
        var alg = jwt.HeaderString("alg"u8, "alg") ?? throw new UnauthorizedException("alg-missing");
        if (!settings.Algorithms.Contains(alg))
            throw new UnauthorizedException("alg-not-allowed");
        // Header members that point at or carry a key; trusting them lets the token choose its own key.
        if (header.TryGetProperty("jwk"u8, out _) || header.TryGetProperty("jku"u8, out _)
            || header.TryGetProperty("x5u"u8, out _) || header.TryGetProperty("x5c"u8, out _))
            throw new UnauthorizedException("header-key-reference");
        // RFC 7515 §4.1.11: an extension we do not understand listed as critical makes the token invalid.
        if (header.TryGetProperty("crit"u8, out _))
            throw new UnauthorizedException("crit-unsupported");
        if (settings.TokenType is { } wanted && !TypMatches(jwt.HeaderString("typ"u8, "typ"), wanted))
            throw new UnauthorizedException("typ-invalid");
        return (alg, jwt.HeaderString("kid"u8, "kid"));
    }

    // RFC 7515 §4.1.9: typ is compared case-insensitively and "application/" may be omitted.
    private static bool TypMatches(string? typ, string wanted)
    {
        static string Bare(string s) => s.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? s["application/".Length..] : s;
        return typ is not null && string.Equals(Bare(typ), Bare(wanted), StringComparison.OrdinalIgnoreCase);
    }

    private static void CheckTimeClaimTypes(JsonElement payload)
    {
        CheckNumber(payload, "exp"u8, "claim-exp-not-number");
        CheckNumber(payload, "nbf"u8, "claim-nbf-not-number");
        CheckNumber(payload, "iat"u8, "claim-iat-not-number");
    }

    private static void CheckNumber(JsonElement payload, ReadOnlySpan<byte> name, string reason)
    {
        if (payload.TryGetProperty(name, out var v) && (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out _)))
            throw new UnauthorizedException(reason);
    }

    // IdentityModel does not check iat; a token "issued" in the future was minted with a wrong or hostile clock.
    private void CheckIssuedAt(JsonElement payload)
    {
        if (!payload.TryGetProperty("iat"u8, out var iat))
            return;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (iat.GetDouble() > now + settings.ClockSkew.TotalSeconds)
            throw new UnauthorizedException("iat-in-future");
    }

    private void CheckRequiredClaims(JsonElement payload)
    {
        foreach (var name in settings.RequiredClaims)
        {
            if (!payload.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                throw new UnauthorizedException("claim-missing");
        }
    }
}
