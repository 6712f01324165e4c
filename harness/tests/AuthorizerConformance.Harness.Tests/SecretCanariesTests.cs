using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Harness.Canaries;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>
/// The canary search finds what it must (every canary, in every encoding a report may give it, and any token that still
/// verifies) and nothing it must not (the public keys, redacted tokens); AUTHZ_KEYS_FILE gives the run exactly those keys.
/// </summary>
public sealed class SecretCanariesTests : IDisposable
{
    private readonly SecretCanaries _canaries = SecretCanaries.Create();

    public void Dispose() => _canaries.Dispose();

    [Fact]
    public void Every_canary_is_found_literally_JSON_escaped_HTML_encoded_and_in_a_base64_attachment()
    {
        Assert.True(_canaries.Named.Count >= 40, $"{_canaries.Named.Count} canaries");
        foreach (var (name, value) in _canaries.Named)
        {
            foreach (var text in new[]
                     {
                         $"x {value} y", JsonSerializer.Serialize(new { m = $"a<{value}>" }), WebUtility.HtmlEncode($"<p>{value}+</p>").Replace("+", "&#43;", StringComparison.Ordinal),
                         "{\"attachment\":{\"body\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("what happened: " + value)) + "\",\"contentEncoding\":\"BASE64\"}}",
                     })
                Assert.Contains(_canaries.Find("t", text), f => f.EndsWith($": the {name}", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("HS256", "HS secret")]
    [InlineData("HS512", "HS secret")]
    [InlineData("RS256", "RSA key")]
    [InlineData("PS256", "RSA key")]
    [InlineData("ES256", "EC key")]
    [InlineData("ES384", "EC key")]
    public void A_token_that_verifies_is_found_even_glued_to_other_dotted_text_but_not_once_redacted(string alg, string key)
    {
        using var keys = RunKeys.FromFile(_canaries.KeysFile);
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UnixEpoch).Build(), alg, keys.Ring.For(alg));

        Assert.Equal([$"log: a token that verifies under the canary {key}"], _canaries.Find("log", $"Bearer {token}"));
        Assert.Equal([$"log: a token that verifies under the canary {key}"], _canaries.Find("log", $"at a.b.{token}.c"));
        Assert.Empty(_canaries.Find("log", AuthorizerConformance.Gateway.Redaction.Redact($"Bearer {token}")));
        Assert.Equal(["log: the signature of a token the function received"], _canaries.Find("log", "sig " + token.Split('.')[2], [token]));
    }

    [Fact]
    public void The_public_keys_are_not_canaries()
    {
        using var keys = RunKeys.FromFile(_canaries.KeysFile);
        var publicPems = string.Join('\n', _canaries.Rsa.ExportSubjectPublicKeyInfoPem(), _canaries.Ec256.ExportSubjectPublicKeyInfoPem(),
            _canaries.Ec384.ExportSubjectPublicKeyInfoPem(), _canaries.Rsa.ExportRSAPublicKeyPem());
        var modulus = _canaries.Rsa.ExportParameters(false).Modulus!;

        Assert.Empty(_canaries.Find("jwks", keys.JwksJson + publicPems + Convert.ToBase64String(modulus) + Base64Url.EncodeToString(modulus)));
    }

    [Fact]
    public void AUTHZ_KEYS_FILE_gives_the_run_exactly_the_files_keys()
    {
        using var keys = RunKeys.FromFile(_canaries.KeysFile);

        Assert.Equal(_canaries.HsSecret, keys.Secret);
        Assert.Equal(_canaries.Rsa.ExportParameters(false).Modulus, keys.Ring.Rsa.Rsa!.ExportParameters(false).Modulus);
        Assert.Equal(_canaries.Ec256.ExportParameters(false).Q.X, keys.Ring.Ec256.Ec!.ExportParameters(false).Q.X);
        Assert.Equal(_canaries.Ec384.ExportParameters(false).Q.Y, keys.Ring.Ec384.Ec!.ExportParameters(false).Q.Y);
    }

    [Theory]
    [InlineData("""{"secret":"short","rsa":"x","ec256":"x","ec384":"x","extra":1}""", "$.extra: unknown key")]
    [InlineData("""{"secret":"short","rsa":"x","ec256":"x","ec384":"x"}""", "$.secret: at least 32 characters")]
    [InlineData("""{"secret":"0123456789012345678901234567890123456789","rsa":"not a pem","ec256":"x"}""", "$.rsa: expected an RSA private key")]
    [InlineData("""{"secret":"0123456789012345678901234567890123456789","rsa":"not a pem","ec256":"x"}""", "$.ec384: required")]
    [InlineData("""{"secret":"a","secret":"b"}""", "not JSON")]
    [InlineData("[]", "$: expected an object")]
    // A member name that is an escaped lone surrogate: found by the fuzz tests' CsCheck property (it threw
    // InvalidOperationException from the duplicate-name check).
    [InlineData("""{"sec\ud800ret":"a"}""", "surrogate")]
    public void A_bad_keys_file_is_an_error_naming_the_member_and_never_its_text(string json, string expected)
    {
        var path = Path.Combine(_canaries.Folder, "bad.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InputException>(() => RunKeys.FromFile(path));

        Assert.Contains("AUTHZ_KEYS_FILE", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keys_file_with_the_wrong_curve_is_refused()
    {
        var path = Path.Combine(_canaries.Folder, "curve.json");
        using var json = JsonDocument.Parse(File.ReadAllText(_canaries.KeysFile));
        var members = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        (members["ec256"], members["ec384"]) = (members["ec384"], members["ec256"]);
        File.WriteAllText(path, JsonSerializer.Serialize(members));

        var error = Assert.Throws<InputException>(() => RunKeys.FromFile(path));

        Assert.Contains("$.ec256: expected an EC P-256 private key", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.ec384: expected an EC P-384 private key", error.Message, StringComparison.Ordinal);
    }
}
