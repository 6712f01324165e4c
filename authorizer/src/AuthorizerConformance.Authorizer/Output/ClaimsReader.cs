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
        var found = principalClaim is not null
            ? payload.TryGetProperty(principalClaim, out var value)
            : payload.TryGetProperty("sub"u8, out value) || payload.TryGetProperty("userId"u8, out value);
        if (!found)
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
        var found = scopeClaim is not null
            ? payload.TryGetProperty(scopeClaim, out var value)
            : payload.TryGetProperty("scope"u8, out value) || payload.TryGetProperty("scp"u8, out value);
        if (!found)
            return scopes;
        if (value.ValueKind == JsonValueKind.String)
        {
            scopes.UnionWith(value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in value.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.String)
                    scopes.Add(entry.GetString()!);
            }
        }
        return scopes;
    }
}
