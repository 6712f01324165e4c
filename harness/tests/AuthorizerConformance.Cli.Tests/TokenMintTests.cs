using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Cli.Tests;

public class TokenMintTests
{
    private const string Secret = "cli-test-secret-0123456789-abcdefghij";

    private static JsonObject Part(string token, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Trim().Split('.')[index]))!.AsObject();

    [Fact]
    public void Mint_signs_inline_claims_with_a_secret_and_a_relative_expiry()
    {
        var (code, stdout, stderr) = CliRunner.Run("token", "mint", "--claims", """{"sub":"u1"}""", "--alg", "HS256", "--secret", Secret, "--exp", "5m");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var token = stdout.Trim();
        Assert.Equal("HS256", (string?)Part(token, 0)["alg"]);
        var claims = Part(token, 1);
        Assert.Equal("u1", (string?)claims["sub"]);
        Assert.Equal(300, (long)claims["exp"]! - (long)claims["iat"]!);
        var input = Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
        Assert.Equal(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), input), Base64Url.DecodeFromChars(token.Split('.')[2]));
    }

    [Fact]
    public void Claims_holding_half_a_surrogate_pair_are_a_usage_error_with_their_path()
    {
        var (code, stdout, stderr) = CliRunner.Run("token", "mint", "--claims", """{"sub":"u1","a":{"b":["\ud800"]}}""", "--alg", "HS256", "--secret", Secret);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("$.a.b[0]", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Mint_reads_claims_and_a_PEM_key_from_files()
    {
        using var rsa = RSA.Create(2048);
        var keyFile = Path.GetTempFileName();
        var claimsFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(claimsFile, """{"sub":"from-file"}""");

            var (code, stdout, _) = CliRunner.Run("token", "mint", "--claims", claimsFile, "--alg", "RS256", "--key", keyFile);

            Assert.Equal(0, code);
            var parts = stdout.Trim().Split('.');
            Assert.Equal("from-file", (string?)Part(stdout, 1)["sub"]);
            Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
        finally
        {
            File.Delete(keyFile);
            File.Delete(claimsFile);
        }
    }

    [Fact]
    public void Mint_produces_a_named_attack()
    {
        var (code, stdout, _) = CliRunner.Run("token", "mint", "--claims", """{"sub":"u1"}""", "--alg", "HS256", "--secret", Secret, "--attack", "alg-None");

        Assert.Equal(0, code);
        Assert.Equal("None", (string?)Part(stdout, 0)["alg"]);
        Assert.EndsWith(".", stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_attack_is_a_usage_error_listing_the_valid_names()
    {
        var (code, stdout, stderr) = CliRunner.Run("token", "mint", "--claims", "{}", "--alg", "HS256", "--secret", Secret, "--attack", "alg-nothing");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("unknown attack 'alg-nothing'", stderr, StringComparison.Ordinal);
        Assert.Contains("psychic-signature", stderr, StringComparison.Ordinal);
        Assert.Contains("kid-path-traversal", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--alg", "RS256", "--secret", Secret, "needs --key FILE")]
    [InlineData("--alg", "HS256", "--key", "/nonexistent.pem", "needs --secret VALUE")]
    [InlineData("--alg", "XX999", "--secret", Secret, "'XX999' is not one of")]
    [InlineData("--alg", "HS256", "--exp", "5 minutes", "is not a duration")]
    public void Inconsistent_options_are_usage_errors(string o1, string v1, string o2, string v2, string expected)
    {
        var args = new List<string> { "token", "mint", "--claims", "{}", o1, v1, o2, v2 };
        if (o2 == "--exp")
            args.AddRange(["--secret", Secret]);

        var (code, _, stderr) = CliRunner.Run([.. args]);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_that_are_not_JSON_are_a_usage_error_naming_the_position()
    {
        var (code, _, stderr) = CliRunner.Run("token", "mint", "--claims", """{"sub": }""", "--alg", "HS256", "--secret", Secret);

        Assert.Equal(2, code);
        Assert.Contains("--claims: claims are not valid JSON", stderr, StringComparison.Ordinal);
    }
}
