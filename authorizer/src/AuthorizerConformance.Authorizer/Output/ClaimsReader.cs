using System.Text.Json;

namespace AuthorizerConformance.Authorizer;

/// <summary>Reads the principal and the scopes from a validated token's claims.</summary>
public static class ClaimsReader
{
    /// <summary>
    /// principalId: the claim <c>AUTH_PRINCIPAL_CLAIM</c> names, or by default <c>sub</c>, falling back to
    /// <c>userId</c> when <c>sub</c> is absent (seed compatibility). A non-empty string or an integer is accepted;
    /// anything else (missing, empty, object, array, boolean) is <see cref="UnauthorizedException"/>.
    /// </summary>
    public static string PrincipalId(JsonElement payload, string? principalClaim)
    {
        var name = principalClaim ?? (payload.TryGetProperty("sub", out _) ? "sub" : "userId");
        if (!payload.TryGetProperty(name, out var value))
            throw new UnauthorizedException("principal-missing");
        return value.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!,
            JsonValueKind.Number when value.TryGetInt64(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new UnauthorizedException("principal-missing"),
        };
    }

    /// <summary>
    /// The token's scopes: the claim <c>AUTH_SCOPE_CLAIM</c> names, or <c>scope</c> (OAuth 2.0, Cognito, Auth0),
    /// else <c>scp</c> (Entra ID). A space-separated string or an array of strings.
    /// </summary>
    public static IReadOnlySet<string> Scopes(JsonElement payload, string? scopeClaim)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        var names = scopeClaim is null ? new[] { "scope", "scp" } : [scopeClaim];
        foreach (var name in names)
        {
            if (!payload.TryGetProperty(name, out var value))
                continue;
            if (value.ValueKind == JsonValueKind.String)
                scopes.UnionWith(value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            else if (value.ValueKind == JsonValueKind.Array)
                scopes.UnionWith(value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            break;
        }
        return scopes;
    }
}
