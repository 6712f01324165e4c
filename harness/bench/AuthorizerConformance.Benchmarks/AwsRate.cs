using System.Diagnostics;
using System.Globalization;
using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Aws.Throttling;
using AuthorizerConformance.Harness;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// <c>aws-rate [calls]</c>: the API Gateway client's rate limit measured in real time against the fake control plane
/// on 127.0.0.1: a burst of concurrent TestInvokeAuthorizer calls (the reference authorizer behind it) at the
/// default 8/s and at the 10/s ceiling: the most requests the fake saw in any sliding one-second window, the
/// sustained rate (calls / wall, and (arrivals − 1) / their span) and the round trip of one call on the warm client
/// (the limiter's long-run ceiling is burst / (window + round trip)); then a 429 storm (the fake allows 4/s) and a
/// spent retry budget.
/// </summary>
public static class AwsRate
{
    public static void Run(string[] args, TextWriter output)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        RunAsync(calls, output).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(int calls, TextWriter output)
    {
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var authorizer = new FakeAuthorizer
        {
            Id = "auth01",
            Function = _ => ReferenceFunctionFactory.Create("token", new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = secret }, TimeProvider.System),
        };
        var apis = new[] { new FakeRestApi { Id = "abc123", Authorizers = [authorizer] } };
        output.WriteLine("| run | calls | fake allows | client rate | max arrivals in any 1 s | calls / wall req/s | arrivals (n−1)/span req/s | round trip ms | 429s | failed | wall s |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var rate in new[] { RequestRateLimiter.DefaultRequestsPerSecond, RequestRateLimiter.MaximumRequestsPerSecond })
        {
            await using var fake = await new FakeApiGatewayControlPlane(apis).StartAsync();
            await Burst($"burst at {rate}/s", fake, rate, calls, "unlimited", output, measureRoundTrip: true);
        }
        await using (var storm = await new FakeApiGatewayControlPlane(apis).StartAsync())
        {
            storm.ThrottleAbove(4, burst: 1, retryAfterSeconds: 1);
            await Burst("429 storm", storm, RequestRateLimiter.DefaultRequestsPerSecond, calls / 2, "4/s, Retry-After 1", output);
        }
        await using (var spent = await new FakeApiGatewayControlPlane(apis).StartAsync())
        {
            spent.Inject(new FakeFault.Throttle(1), times: 1000);
            using var client = Client(spent, RequestRateLimiter.DefaultRequestsPerSecond, ApiGatewayRetryPolicy.Default with { MaxAttempts = 3 });
            try
            {
                await client.GetStageAsync("abc123", "prod");
            }
            catch (AmazonAPIGatewayException e)
            {
                output.WriteLine();
                output.WriteLine($"retry budget spent (3 attempts, every answer 429): {e.ErrorType}: {e.Message}");
            }
        }
    }

    private static async Task Burst(string name, FakeApiGatewayControlPlane fake, double rate, int calls, string allows, TextWriter output, bool measureRoundTrip = false)
    {
        using var client = Client(fake, rate, ApiGatewayRetryPolicy.Default);
        var request = new TestInvokeAuthorizerRequest { RestApiId = "abc123", AuthorizerId = "auth01", Headers = new Dictionary<string, string> { ["Authorization"] = "x" } };
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
        {
            try
            {
                await client.TestInvokeAuthorizerAsync(request);
                return true;
            }
            catch (AmazonAPIGatewayException)
            {
                return false;
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var arrivals = fake.Requests.Select(r => r.ArrivedAt).Order().ToList();
        var max = fake.MaxArrivalsInAnySecond;
        var span = (arrivals.Count - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        var throttled = fake.Requests.Count(r => r.Status == 429);
        var roundTrip = measureRoundTrip ? (await RoundTripAsync(client, request)).ToString("0.0", CultureInfo.InvariantCulture) : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {calls} | {allows} | {rate} | {max} | {results.Length / wall:0.00} | {span:0.00} | {roundTrip} | {throttled} | {results.Count(ok => !ok)} | {wall:0.0} |"));
    }

    /// <summary>The mean of a few calls one after another on the warm client, once the burst's windows are over (so the
    /// limiter lets each out at once): the round trip each window of the limiter adds to.</summary>
    private static async Task<double> RoundTripAsync(AmazonAPIGatewayClient client, TestInvokeAuthorizerRequest request)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        const int Calls = 5;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
            await client.TestInvokeAuthorizerAsync(request);
        return clock.Elapsed.TotalMilliseconds / Calls;
    }

    private static AmazonAPIGatewayClient Client(FakeApiGatewayControlPlane fake, double rate, ApiGatewayRetryPolicy retry) => new(new AmazonAPIGatewayConfig
    {
        RegionEndpoint = RegionEndpoint.GetBySystemName(fake.Region),
        Credentials = new BasicAWSCredentials(fake.Credentials.AccessKeyId, fake.Credentials.SecretAccessKey),
        ServiceURL = fake.Endpoint.ToString(),
        RequestsPerSecond = rate,
        Retry = retry,
    });
}
