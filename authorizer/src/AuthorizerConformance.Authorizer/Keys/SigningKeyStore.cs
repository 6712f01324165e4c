using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Every key the authorizer trusts: the HS secret, a JWKS file (read once) and remote keys. Keys named by the
/// token itself (<c>jwk</c>, <c>jku</c>, <c>x5u</c>, <c>x5c</c>) are never among them.
/// </summary>
internal sealed class SigningKeyStore
{
    private readonly List<ConfiguredKey> _static = [];
    private readonly RemoteJwks? _remote;

    public SigningKeyStore(AuthorizerSettings settings, HttpClient http, TimeProvider time, TextWriter log)
    {
        if (settings.Secret is { } secret)
        {
            var hmac = settings.Algorithms.Where(JwtAlgorithms.IsHmac).ToHashSet(StringComparer.Ordinal);
            _static.Add(new ConfiguredKey(new SymmetricSecurityKey(secret), null, hmac));
        }
        if (settings.JwksFile is { } file)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new AuthorizerConfigurationException($"Authorizer misconfigured: {EnvironmentVariables.JwksFile} '{file}' cannot be read ({e.GetType().Name}).", e);
            }
            _static.AddRange(JwksParser.Parse(bytes, file));
        }
        if (settings.JwksUrl is not null || settings.OidcIssuer is not null)
            _remote = new RemoteJwks(settings, http, time, log);
    }

    /// <summary>The issuer OIDC discovery confirmed, once the remote keys were fetched.</summary>
    public string? DiscoveredIssuer => _remote?.DiscoveredIssuer;

    /// <summary>Loads remote keys now, so a misconfiguration shows before any token is looked at.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (_remote is not null)
            _ = await _remote.GetKeysAsync(unknownKid: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys that may verify a token with this <paramref name="alg"/> and <paramref name="kid"/>.</summary>
    public async Task<IReadOnlyList<SecurityKey>> CandidatesAsync(string alg, string? kid, CancellationToken cancellationToken)
    {
        var keys = await AllAsync(unknownKid: false, cancellationToken).ConfigureAwait(false);
        if (kid is not null && !keys.Any(k => k.Kid == kid) && _remote is not null)
            keys = await AllAsync(unknownKid: true, cancellationToken).ConfigureAwait(false);
        if (kid is not null && !keys.Any(k => k.Kid == kid))
            throw new UnauthorizedException("kid-unknown");
        var fitting = keys.Where(k => (kid is null || k.Kid == kid) && k.Algorithms.Contains(alg)).Select(k => k.Key).ToList();
        return fitting.Count > 0 ? fitting : throw new UnauthorizedException("no-key-for-alg");
    }

    private async Task<IReadOnlyList<ConfiguredKey>> AllAsync(bool unknownKid, CancellationToken cancellationToken)
    {
        if (_remote is null)
            return _static;
        var remote = await _remote.GetKeysAsync(unknownKid, cancellationToken).ConfigureAwait(false);
        return [.. _static, .. remote];
    }
}
