using System.Net;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>JWKS by URL and OIDC discovery, served from memory; caching and refresh run on the fake clock.</summary>
public class RemoteKeyTests
{
    private const string JwksUrl = "https://idp.example.com/.well-known/jwks.json";
    private const string Issuer = "https://idp.example.com/tenant/v2.0";
    private const string DiscoveryUrl = Issuer + "/.well-known/openid-configuration";

    private static TestAuthorizer WithJwksUrl()
    {
        var authorizer = new TestAuthorizer((EnvironmentVariables.JwksUrl, JwksUrl));
        authorizer.Http.Serve(JwksUrl, SharedKeys.Ring.JwksJson());
        return authorizer;
    }

    private static string LongLived(string alg) => TestAuthorizer.Mint(alg, c => c.ExpiresAt(SharedKeys.Now.AddHours(1)));

    [Fact]
    public async Task Keys_are_fetched_once_and_reused_until_the_cache_expires()
    {
        using var authorizer = WithJwksUrl();

        (await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"))).AssertAllowed();
        (await authorizer.TokenAsync(TestAuthorizer.Mint("ES256"))).AssertAllowed();
        Assert.Single(authorizer.Http.Requests);

        authorizer.Time.Advance(TimeSpan.FromSeconds(601));
        (await authorizer.TokenAsync(LongLived("ES256"))).AssertAllowed();
        Assert.Equal(2, authorizer.Http.Requests.Count);
    }

    [Fact]
    public async Task An_unknown_kid_refetches_at_most_once_per_refresh_interval_and_finds_a_rotated_key()
    {
        using var authorizer = WithJwksUrl();
        using var rotated = SigningKey.ForEc(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256), "ec-rotated");
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(SharedKeys.Now).Build(), "ES256", rotated);
        await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"));

        Assert.Equal("kid-unknown", (await authorizer.TokenAsync(token)).Reason);
        Assert.Equal("kid-unknown", (await authorizer.TokenAsync(token)).Reason);
        Assert.Single(authorizer.Http.Requests); // within 60 s of the first fetch: no refetch for hostile kids

        authorizer.Http.Serve(JwksUrl, new JsonObject { ["keys"] = new JsonArray(TestKeyRing.Jwk(rotated)) }.ToJsonString());
        authorizer.Time.Advance(TimeSpan.FromSeconds(61));
        (await authorizer.TokenAsync(token)).AssertAllowed();
        Assert.Equal(2, authorizer.Http.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_JWKS_is_a_configuration_error_not_a_bad_token()
    {
        using var authorizer = new TestAuthorizer((EnvironmentVariables.JwksUrl, JwksUrl));
        authorizer.Http.Fail(JwksUrl, HttpStatusCode.ServiceUnavailable);

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"));

        Assert.True(outcome.IsConfigurationError);
        Assert.Contains("could not be fetched", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_serving_the_keys_fetched_earlier()
    {
        using var authorizer = WithJwksUrl();
        await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"));
        authorizer.Http.Fail(JwksUrl, HttpStatusCode.InternalServerError);
        authorizer.Time.Advance(TimeSpan.FromSeconds(601));

        var outcome = await authorizer.TokenAsync(LongLived("RS256"));

        outcome.AssertAllowed();
        Assert.Contains("JWKS refresh failed", authorizer.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OIDC_discovery_supplies_the_keys_and_the_issuer()
    {
        using var authorizer = new TestAuthorizer((EnvironmentVariables.OidcIssuer, Issuer));
        authorizer.Http.Serve(DiscoveryUrl, new JsonObject { ["issuer"] = Issuer, ["jwks_uri"] = JwksUrl }.ToJsonString());
        authorizer.Http.Serve(JwksUrl, SharedKeys.Ring.JwksJson());

        var ours = await authorizer.TokenAsync(TestAuthorizer.Mint("RS256", c => c.Set("iss", Issuer)));
        var theirs = await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"));

        Assert.Equal("user-123", ours.PrincipalId);
        Assert.Equal("issuer-invalid", theirs.Reason);
    }

    [Fact]
    public async Task A_discovery_document_for_another_issuer_is_a_configuration_error()
    {
        using var authorizer = new TestAuthorizer((EnvironmentVariables.OidcIssuer, Issuer));
        authorizer.Http.Serve(DiscoveryUrl, new JsonObject { ["issuer"] = "https://evil.example.com/", ["jwks_uri"] = JwksUrl }.ToJsonString());

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"));

        Assert.True(outcome.IsConfigurationError);
        Assert.Contains("$.issuer does not equal AUTH_OIDC_ISSUER", outcome.ErrorMessage, StringComparison.Ordinal);
    }
}
