using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// Issue 16, defect 3: a valid token whose header does not encode as <c>eyJ…</c> (a space before the first member, a
/// leading newline) must not print whole in <c>authz simulate</c>: redaction goes by structure and by the values the
/// run saw, not by a prefix.
/// </summary>
public sealed class RedactionBypassTests : IDisposable
{
    private const string Salt = "a-redaction-test-secret-of-40-bytes-long!";

    private readonly string _dir = Directory.CreateTempSubdirectory("authz-redaction-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    internal static string Sign(string headerJson, string payloadJson, string secret)
    {
        var input = $"{B64(headerJson)}.{B64(payloadJson)}";
        return $"{input}.{Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(input)))}";
    }

    [Theory]
    [InlineData("{ \"alg\":\"HS256\",\"typ\":\"JWT\"}", "eyAi")]
    [InlineData("\n{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "CnsiYW")]
    [InlineData("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", "eyJ0eX")]
    public void A_token_whose_header_is_not_eyJ_never_prints_its_signature(string header, string prefix)
    {
        var token = Sign(header, """{"sub":"admin","exp":4102444800}""", Salt);
        Assert.StartsWith(prefix, token, StringComparison.Ordinal);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var scenario = """
            {"api": {"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization",
                "function": {"kind": "reference", "env": {"AUTH_TOKEN_SALT": "@salt@"}}}},
             "requests": [{"method": "GET", "path": "/pets/1", "headers": {"Authorization": "Bearer @token@"}},
                          {"method": "GET", "path": "/pets/2", "headers": {"Authorization": "@token@"}}]}
            """.Replace("@salt@", Salt, StringComparison.Ordinal).Replace("@token@", token, StringComparison.Ordinal);
        var path = Path.Combine(_dir, "s.json");
        File.WriteAllText(path, scenario);

        var (code, stdout, stderr) = CliRunner.Run("simulate", path);

        Assert.Equal(0, code);
        foreach (var text in new[] { stdout, stderr })
        {
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Salt, text, StringComparison.Ordinal);
        }
        Assert.Contains("REDACTED", stdout, StringComparison.Ordinal);
    }
}
