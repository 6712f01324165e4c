using System.Collections.Concurrent;
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

    // Answers for static keys by (alg, kid); only algorithms on the allow-list reach here, and a kid is cached only
    // when it names a configured key, so hostile kids cannot grow it.
    private readonly ConcurrentDictionary<(string Alg, string? Kid), List<SecurityKey>?> _staticCandidates = new();

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
                bytes = BoundedRead.ReadFile(file, BoundedRead.MaxDocumentBytes)
                    ?? throw new AuthorizerConfigurationException(
                        $"Authorizer misconfigured: {EnvironmentVariables.JwksFile} '{file}' is larger than the {BoundedRead.MaxDocumentBytes}-byte limit.");
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
    public ValueTask<IReadOnlyList<SecurityKey>> CandidatesAsync(string alg, string? kid, CancellationToken cancellationToken)
    {
        if (_remote is not null)
            return RemoteCandidatesAsync(alg, kid, cancellationToken);
        if (!KnowsKid(_static, kid))
            throw new UnauthorizedException("kid-unknown");
        // Static keys never change: each (alg, kid) pair's answer is worked out once.
        var fitting = _staticCandidates.GetOrAdd((alg, kid), static (pair, keys) => Select(keys, pair.Alg, pair.Kid), _static);
        return fitting is not null ? ValueTask.FromResult<IReadOnlyList<SecurityKey>>(fitting) : throw new UnauthorizedException("no-key-for-alg");
    }

    private async ValueTask<IReadOnlyList<SecurityKey>> RemoteCandidatesAsync(string alg, string? kid, CancellationToken cancellationToken)
    {
        var keys = await AllAsync(unknownKid: false, cancellationToken).ConfigureAwait(false);
        if (!KnowsKid(keys, kid))
            keys = await AllAsync(unknownKid: true, cancellationToken).ConfigureAwait(false);
        if (!KnowsKid(keys, kid))
            throw new UnauthorizedException("kid-unknown");
        return Select(keys, alg, kid) ?? throw new UnauthorizedException("no-key-for-alg");
    }

    private static bool KnowsKid(IReadOnlyList<ConfiguredKey> keys, string? kid)
    {
        if (kid is null)
            return true;
        foreach (var key in keys)
        {
            if (key.Kid == kid)
                return true;
        }
        return false;
    }

    // Null when no key fits: the caller names the reason.
    private static List<SecurityKey>? Select(IReadOnlyList<ConfiguredKey> keys, string alg, string? kid)
    {
        var fitting = keys.Where(k => (kid is null || k.Kid == kid) && k.Algorithms.Contains(alg)).Select(k => k.Key).ToList();
        return fitting.Count > 0 ? fitting : null;
    }

    private async Task<IReadOnlyList<ConfiguredKey>> AllAsync(bool unknownKid, CancellationToken cancellationToken)
    {
        if (_remote is null)
            return _static;
        var remote = await _remote.GetKeysAsync(unknownKid, cancellationToken).ConfigureAwait(false);
        return [.. _static, .. remote];
    }
}
