using System.Text;
using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Harness.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>
/// A fake control plane serving REST API <c>abc123</c> ("pets") with the reference authorizer as TOKEN authorizer
/// <c>auth01</c>, a failing one as <c>broken</c>, stage <c>prod</c>; a client pointed at it through
/// <c>AWS_ENDPOINT_URL_API_GATEWAY</c> (an injected environment) on a shared fake clock whose waits are instant.
/// </summary>
internal sealed class World : IAsyncDisposable
{
    public const string ApiId = "abc123", AuthorizerId = "auth01", BrokenId = "broken";

    private World(FakeApiGatewayControlPlane fake, FakeTimeProvider time) => (Fake, Time) = (fake, time);

    /// <summary>The HS256 secret of this run (generated, never committed).</summary>
    public static string Secret { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public FakeApiGatewayControlPlane Fake { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Every wait the client asked for (backoff and rate limit), in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    /// <summary>Every log line the client wrote.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Starts the fake; <paramref name="fakeClock"/> replaces the shared fake clock as the fake's own (e.g.
    /// <see cref="TimeProvider.System"/> for a run in real time, with a client configured likewise).</summary>
    public static async Task<World> StartAsync(FakeCredentials? credentials = null, IEnumerable<FakeRestApi>? extraApis = null, TimeProvider? fakeClock = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reference = new FakeAuthorizer
        {
            Id = AuthorizerId, Name = "reference", ResultTtlInSeconds = 300, IdentityValidationExpression = "^Bearer .+$",
            Function = _ => ReferenceFunctionFactory.Create("token", new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = Secret }, TimeProvider.System),
        };
        var broken = new FakeAuthorizer
        {
            Id = BrokenId, Name = "broken",
            Function = _ => new InProcessAuthorizerFunction(_ => throw new InvalidOperationException("configuration missing"), TimeProvider.System),
        };
        var apis = new List<FakeRestApi>
        {
            new()
            {
                Id = ApiId, Name = "pets", Authorizers = [reference, broken],
                Stages = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["prod"] = new Dictionary<string, string> { ["env"] = "test" } },
            },
        };
        apis.AddRange(extraApis ?? []);
        var fake = await new FakeApiGatewayControlPlane(apis, credentials: credentials, timeProvider: fakeClock ?? time).StartAsync();
        return new World(fake, time);
    }

    /// <summary>A client at the fake, configured like a user's (endpoint from the environment), waits instant on the fake clock.</summary>
    public AmazonAPIGatewayClient Client(Func<AmazonAPIGatewayConfig, AmazonAPIGatewayConfig>? configure = null, AWSCredentials? credentials = null)
    {
        var endpoint = Fake.Endpoint.ToString();
        var config = new AmazonAPIGatewayConfig
        {
            RegionEndpoint = RegionEndpoint.USEast1,
            Credentials = credentials ?? new BasicAWSCredentials(Fake.Credentials.AccessKeyId, Fake.Credentials.SecretAccessKey),
            Environment = name => name == ApiGatewayEndpoint.ServiceVariable ? endpoint : null,
            TimeProvider = Time,
            Delay = (d, _) =>
            {
                lock (Waits)
                {
                    Waits.Add(d);
                    Time.Advance(d);
                }
                return Task.CompletedTask;
            },
            Jitter = () => 0.5,
            Log = line =>
            {
                lock (Log)
                    Log.Add(line);
            },
        };
        return new AmazonAPIGatewayClient(configure is null ? config : configure(config));
    }

    /// <summary>A valid HS256 token for the reference authorizer.</summary>
    public static string ValidToken() =>
        TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UtcNow).Build(), "HS256", SigningKey.Hmac(Secret));

    public static string Text(IEnumerable<string> lines) => new StringBuilder().AppendJoin('\n', lines).ToString();

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
