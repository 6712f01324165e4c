using System.Text.Json;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Public keys fetched over HTTPS, either from a JWKS URL or through OIDC discovery (<c>{issuer}/.well-known/
/// openid-configuration</c> → <c>jwks_uri</c>), as Cognito, Auth0 and Entra ID publish them. Documents are cached
/// for <see cref="AuthorizerSettings.JwksCacheDuration"/>; a token whose <c>kid</c> is unknown may trigger one
/// refetch per <see cref="AuthorizerSettings.JwksMinRefreshInterval"/> (key rotation) — never more, so hostile
/// <c>kid</c>s cannot make the authorizer hammer the identity provider. All time comes from the TimeProvider.
/// </summary>
internal sealed class RemoteJwks(AuthorizerSettings settings, HttpClient http, TimeProvider time, TextWriter log)
{
    private const int MaxDocumentBytes = BoundedRead.MaxDocumentBytes;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<ConfiguredKey>? _keys;
    private DateTimeOffset _expires;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    /// <summary>The issuer the discovery document confirmed, when OIDC discovery is used.</summary>
    public string? DiscoveredIssuer { get; private set; }

    /// <summary>The current keys; <paramref name="unknownKid"/> asks for a (rate-limited) refetch.</summary>
    public async Task<IReadOnlyList<ConfiguredKey>> GetKeysAsync(bool unknownKid, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var due = _keys is null || now >= _expires || (unknownKid && now - _lastAttempt >= settings.JwksMinRefreshInterval);
            if (due)
                await RefreshAsync(now, cancellationToken).ConfigureAwait(false);
            return _keys!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _lastAttempt = now;
        try
        {
            var (issuer, jwksUrl) = settings.OidcIssuer is { } oidc
                ? await DiscoverAsync(oidc, cancellationToken).ConfigureAwait(false)
                : (null, settings.JwksUrl!);
            var bytes = await GetAsync(jwksUrl, cancellationToken).ConfigureAwait(false);
            _keys = JwksParser.Parse(bytes, jwksUrl.ToString());
            DiscoveredIssuer = issuer;
            _expires = now + settings.JwksCacheDuration;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or AuthorizerConfigurationException)
        {
            if (_keys is null)
                throw e as AuthorizerConfigurationException
                      ?? new AuthorizerConfigurationException($"Authorizer misconfigured: the signing keys could not be fetched ({e.GetType().Name}: {e.Message}).", e);
            // Keep serving the previous keys; retry no sooner than the minimum refresh interval.
            _expires = now + settings.JwksMinRefreshInterval;
            await log.WriteLineAsync($"authorizer: warning: JWKS refresh failed, still using the keys fetched earlier ({e.GetType().Name}).").ConfigureAwait(false);
        }
    }

    private async Task<(string Issuer, Uri JwksUrl)> DiscoverAsync(Uri issuer, CancellationToken cancellationToken)
    {
        var configured = issuer.OriginalString;
        var discovery = new Uri(configured.TrimEnd('/') + "/.well-known/openid-configuration");
        var bytes = await GetAsync(discovery, cancellationToken).ConfigureAwait(false);
        using var document = ParseDocument(bytes, discovery);
        var root = document.RootElement;
        string? Member(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        // OIDC Discovery §4.3: the issuer in the document must be identical to the one configured.
        if (Member("issuer") is not { } found || !string.Equals(found, configured, StringComparison.Ordinal))
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {discovery} at $.issuer does not equal {EnvironmentVariables.OidcIssuer}.");
        if (Member("jwks_uri") is not { } jwks || !Uri.TryCreate(jwks, UriKind.Absolute, out var jwksUrl)
            || !(jwksUrl.Scheme == Uri.UriSchemeHttps || (jwksUrl.Scheme == Uri.UriSchemeHttp && jwksUrl.IsLoopback)))
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {discovery} at $.jwks_uri is missing or not an https URL.");
        return (found, jwksUrl);
    }

    private async Task<byte[]> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}");
        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            throw new HttpRequestException($"GET {url} is larger than {MaxDocumentBytes} bytes");
        // Enforced while reading: a chunked body has no Content-Length to check first (issue 16 defect 12).
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await BoundedRead.ReadAsync(body, MaxDocumentBytes, cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException($"GET {url} is larger than {MaxDocumentBytes} bytes");
    }

    private static JsonDocument ParseDocument(byte[] bytes, Uri url)
    {
        // Strings that are not text (bytes that are not UTF-8, half an escaped surrogate pair) would throw where they are
        // read, outside this configuration error (the class of a fuzzing find in the harness, issue 13).
        if (!System.Text.Unicode.Utf8.IsValid(bytes) || JsonEscapes.HasUnpairedSurrogate(bytes))
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {url} is not UTF-8 JSON text.");
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {url} is not valid JSON ({e.Message}).", e);
        }
    }
}
