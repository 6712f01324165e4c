using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Harness.Tokens;
using BenchmarkDotNet.Attributes;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// Validations per second of the reference authorizer, end to end through the TOKEN handler (event JSON in,
/// response JSON out) on a warm instance, for HS256, RS256 and ES256 tokens. Hardened configuration: secret, JWKS
/// file, issuer and audience. Validations/s = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks : IDisposable
{
    private TestKeyRing? _ring;
    private TokenAuthorizerFunction? _function;
    private byte[] _event = [];
    private string? _jwksFile;

    [Params("HS256", "RS256", "ES256")]
    public string Alg { get; set; } = "HS256";

    [GlobalSetup]
    public void Setup()
    {
        _ring = new TestKeyRing();
        _jwksFile = Path.GetTempFileName();
        File.WriteAllText(_jwksFile, _ring.JwksJson());
        var env = new Dictionary<string, string?>
        {
            [EnvironmentVariables.TokenSalt] = _ring.Secret,
            [EnvironmentVariables.JwksFile] = _jwksFile,
            [EnvironmentVariables.Issuer] = TokenDefaults.Standard.Issuer,
            [EnvironmentVariables.Audience] = TokenDefaults.Standard.Audience,
        };
        _function = new TokenAuthorizerFunction(n => env.GetValueOrDefault(n), TimeProvider.System, null, TextWriter.Null);
        var claims = ClaimsBuilder.Standard(DateTimeOffset.UtcNow, TokenDefaults.Standard with { Lifetime = TimeSpan.FromHours(2) })
            .Set("groups", new JsonArray("a", "b")).Set("email", "user@example.com").Build();
        var token = TokenFactory.Mint(claims, Alg, _ring.For(Alg));
        _event = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["type"] = "TOKEN", ["authorizationToken"] = "Bearer " + token,
            ["methodArn"] = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/GET/pets/42",
        }.ToJsonString());
        Validate().GetAwaiter().GetResult(); // fail fast if the token does not validate
    }

    [Benchmark]
    public async Task<long> Validate()
    {
        using var input = new MemoryStream(_event, writable: false);
        await using var output = await _function!.FunctionHandler(input).ConfigureAwait(false);
        return output.Length;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _function?.Dispose();
        _ring?.Dispose();
        if (_jwksFile is not null)
            File.Delete(_jwksFile);
        GC.SuppressFinalize(this);
    }
}
