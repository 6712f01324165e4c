using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// A JWKS document parsed again (the harness builds a fresh authorizer for every scenario from one file) gives the keys
/// it gave before; any other document is parsed on its own, and a bad document is an error every time it is read.
/// </summary>
public class RememberedKeyDocumentTests
{
    private static byte[] Jwks(ECDsa key, string kid)
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        return Encoding.UTF8.GetBytes(
            $$"""{"keys":[{"kty":"EC","crv":"P-256","kid":"{{kid}}","x":"{{Base64Url.EncodeToString(q.X)}}","y":"{{Base64Url.EncodeToString(q.Y)}}"}]}""");
    }

    [Fact]
    public void The_same_bytes_give_the_same_keys_and_other_bytes_their_own()
    {
        using var first = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var second = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var document = Jwks(first, "k1");

        var once = JwksParser.Parse(document, "a");
        var again = JwksParser.Parse((byte[])document.Clone(), "b");
        var other = JwksParser.Parse(Jwks(second, "k1"), "a"); // same kid, another key

        Assert.Same(once, again);
        Assert.NotSame(once, other);
        Assert.Equal("k1", Assert.Single(other).Kid);
        var point = ((Microsoft.IdentityModel.Tokens.ECDsaSecurityKey)Assert.Single(other).Key).ECDsa.ExportParameters(false).Q;
        Assert.Equal(second.ExportParameters(false).Q.X, point.X);
    }

    [Fact]
    public void A_bad_document_is_an_error_every_time()
    {
        var bad = "{\"keys\":[]}"u8.ToArray();

        for (var i = 0; i < 2; i++)
        {
            var error = Assert.Throws<AuthorizerConfigurationException>(() => JwksParser.Parse(bad, "AUTH_JWKS_FILE"));
            Assert.Equal("Authorizer misconfigured: JWKS from AUTH_JWKS_FILE at $.keys: holds no key.", error.Message);
        }
    }
}
