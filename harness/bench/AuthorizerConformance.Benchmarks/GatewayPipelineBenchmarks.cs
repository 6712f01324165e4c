using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// One client request through the whole REST TOKEN pipeline (route → ARN → identity → validation expression →
/// cache → invoke → output validation → policy → integration context). Authorizers: the in-process reference
/// authorizer (HS256) with the cache off and on a cache hit, and a scripted function. Target: ≤ 20 µs per request
/// for the in-process HS256 authorizer with the cache off.
/// </summary>
[MemoryDiagnoser]
public class GatewayPipelineBenchmarks
{
    private ApiGateway _hs256NoCache = null!;
    private ApiGateway _hs256Cached = null!;
    private ApiGateway _scripted = null!;
    private ClientRequest _request = null!;
    private ClientRequest[] _distinct = null!;
    private int _next;
    private IAuthorizerFunction _hs256 = null!;
    private byte[] _tokenEvent = null!;

    [GlobalSetup]
    public void Setup()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["userId"] = "alice", ["tier"] = 2 },
            Expires = DateTime.UtcNow.AddDays(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
        _request = new ClientRequest { Method = "GET", Path = "/pets/42", Headers = [new("Authorization", token)] };
        // Distinct paths give distinct methodArns, so every returned policy is new text and is parsed and compiled.
        _distinct = [.. Enumerable.Range(0, 4096).Select(i => _request with { Path = $"/pets/{i}" })];
        IAuthorizerFunction Reference() => new InProcessAuthorizerFunction(
            new TokenAuthorizerFunction(n => n == EnvironmentVariables.TokenSalt ? secret : null, TimeProvider.System).FunctionHandler, TimeProvider.System);
        _hs256 = Reference();
        _tokenEvent = Encoding.UTF8.GetBytes($$"""{"type":"TOKEN","authorizationToken":"{{token}}","methodArn":"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42"}""");
        _hs256NoCache = Stage(0, Reference());
        _hs256Cached = Stage(300, Reference());
        _scripted = Stage(0, new ScriptedAuthorizerFunction([new ScriptedOutcome.Return(
            """{"principalId": "alice", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}, "context": {"tier": 2}}""")]));
        foreach (var gateway in new[] { _hs256NoCache, _hs256Cached, _scripted })
        {
            var warm = gateway.HandleAsync(_request).AsTask().GetAwaiter().GetResult();
            if (warm.Status != 200)
                throw new InvalidOperationException($"benchmark setup: expected 200, got {warm.Status} {warm.Failure}: {warm.FailureDetail}");
        }
    }

    private static ApiGateway Stage(int ttl, IAuthorizerFunction function)
    {
        var api = new ApiDefinition
        {
            Type = ApiType.Rest,
            Routes = [new RouteDefinition { Method = "GET", Resource = "/pets/{id}", RouteKey = "GET /pets/{id}", Authorizer = "A" }],
        };
        var authorizer = new AuthorizerDefinition
        {
            Name = "A",
            Type = AuthorizerType.Token,
            IdentitySources = [new IdentitySource(IdentitySourceKind.Header, "Authorization", "method.request.header.Authorization")],
            IdentityValidationExpression = new System.Text.RegularExpressions.Regex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$"),
            ResultTtlInSeconds = ttl,
            Function = JsonDocument.Parse("""{"kind": "bench"}""").RootElement,
        };
        return new ApiGateway(api, [authorizer], _ => function, TimeProvider.System);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RestToken_InProcessHs256_CacheOff() => (await _hs256NoCache.HandleAsync(_request)).Status;

    [Benchmark]
    public async Task<int> RestToken_InProcessHs256_CacheHit() => (await _hs256Cached.HandleAsync(_request)).Status;

    /// <summary>The in-process HS256 authorizer on its own (event bytes in, response bytes out): the floor under the pipeline.</summary>
    [Benchmark]
    public async Task<bool> Hs256Function_Alone() => await _hs256.InvokeAsync(_tokenEvent, TimeSpan.FromSeconds(29), CancellationToken.None) is AuthorizerInvocation.Returned;

    /// <summary>Cache off, every request on a new path: the policy is parsed and compiled each time (no memo hit).</summary>
    [Benchmark]
    public async Task<int> RestToken_InProcessHs256_CacheOff_DistinctPaths() =>
        (await _hs256NoCache.HandleAsync(_distinct[_next++ & 4095])).Status;

    [Benchmark]
    public async Task<int> RestToken_Scripted_CacheOff() => (await _scripted.HandleAsync(_request)).Status;
}
