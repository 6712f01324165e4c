using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AuthorizerConformance.Steps.Support;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.DeployedTargets;

/// <summary>
/// One run of this assembly's feature theory, in a separate process, against a deployed target served by the local
/// fakes in this process: <c>test-invoke:</c> through the fake control plane (SigV4-checked, found through
/// <c>AWS_ENDPOINT_URL_API_GATEWAY</c>, the AWS credentials from the environment), or <c>stage:</c> at the fake stage's
/// URL. The authorizer the fakes serve is the reference authorizer, or a broken one (<see cref="FailsOpenFunction"/>).
/// The child signs tokens with the secret the profile's <c>tokens.secret</c> names, as a user's run would.
/// </summary>
public sealed class DeployedRun
{
    /// <summary>The features the deployed runs cover: a subset, the seed's token contract and the hostile tokens. The
    /// whole suite took 45 s through <c>test-invoke:</c> (every test invoke is rate limited to 8/s, as against AWS) and
    /// 20 s through <c>stage:</c>; with TokenValidation as well the four runs took 2 minutes: too long for CI.</summary>
    public static IReadOnlyList<string> Features { get; } = ["TokenAuthorizer.feature", "JwtAttacks.feature"];

    private const string SecretVariable = "AUTHZ_DEPLOYED_TEST_SECRET";
    private const string ApiId = "abc123", AuthorizerId = "auth01", StageName = "prod";

    private DeployedRun(XDocument results, string console, int controlPlaneRequests, int stageRequests, int throttled = 0)
    {
        Throttled = throttled;
        Results = results;
        Console = console;
        ControlPlaneRequests = controlPlaneRequests;
        StageRequests = stageRequests;
    }

    /// <summary>The child run's xUnit XML results.</summary>
    public XDocument Results { get; }

    /// <summary>What the child printed.</summary>
    public string Console { get; }

    /// <summary>Requests the fake control plane received (test-invoke runs).</summary>
    public int ControlPlaneRequests { get; }

    /// <summary>Requests the fake control plane answered with 429 (test-invoke runs).</summary>
    public int Throttled { get; }

    /// <summary>Requests the fake stage answered (stage runs).</summary>
    public int StageRequests { get; }

    /// <summary>The result (Pass, Fail, Skip) of every test, by name.</summary>
    public IReadOnlyDictionary<string, string> Outcomes =>
        Results.Descendants("test").ToDictionary(t => (string)t.Attribute("name")!, t => (string)t.Attribute("result")!, StringComparer.Ordinal);

    /// <summary>Runs the features through <c>test-invoke:</c> against the fake control plane serving <paramref name="broken"/> or
    /// the reference; <paramref name="logsResultBody"/> false leaves the result line out of every execution log.</summary>
    public static async Task<DeployedRun> TestInvokeAsync(bool broken, Action<FakeApiGatewayControlPlane>? faults = null, IReadOnlyList<string>? features = null,
        bool logsResultBody = true)
    {
        var secret = NewSecret();
        await using var fake = await new FakeApiGatewayControlPlane([new FakeRestApi
        {
            Id = ApiId, Name = "pets",
            Authorizers = [new FakeAuthorizer { Id = AuthorizerId, ResultTtlInSeconds = 300, Function = _ => Function(secret, broken), LogsResultBody = logsResultBody }],
            Stages = new Dictionary<string, IReadOnlyDictionary<string, string>> { [StageName] = new Dictionary<string, string> { ["env"] = "test" } },
        }]).StartAsync();
        faults?.Invoke(fake);
        var environment = new Dictionary<string, string>
        {
            [ApiGatewayEndpoint.ServiceVariable] = fake.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = fake.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = fake.Credentials.SecretAccessKey,
            ["AWS_REGION"] = fake.Region,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        var (results, console) = await RunAsync($"test-invoke:{ApiId}/{AuthorizerId}", secret, environment, $"\"region\": \"{fake.Region}\", \"stage\": \"{StageName}\",", Sources(features ?? Features));
        return new DeployedRun(results, console, fake.Requests.Count, 0, fake.Requests.Count(r => r.Status == 429));
    }

    /// <summary>Runs the features through <c>stage:</c> against the fake stage serving <paramref name="broken"/> or the reference.</summary>
    public static Task<DeployedRun> StageAsync(bool broken, IReadOnlyList<string>? features = null) =>
        StageAsync(secret => Function(secret, broken), ttl: 300, Sources(features ?? Features), allowSlow: false);

    /// <summary>Runs <paramref name="features"/> (file name → Gherkin text) through <c>stage:</c> against the fake stage
    /// serving the function <paramref name="function"/> makes (given the run's secret), whose results it caches for
    /// <paramref name="ttl"/> seconds; <paramref name="allowSlow"/> lets the run wait in real time (AUTHZ_ALLOW_SLOW=1).</summary>
    public static async Task<DeployedRun> StageAsync(Func<string, IAuthorizerFunction> function, int ttl, IReadOnlyDictionary<string, string> features, bool allowSlow)
    {
        ArgumentNullException.ThrowIfNull(function);
        var secret = NewSecret();
        // The stage as the scenarios' defaults describe it: one TOKEN authorizer on the Authorization header on every route.
        var scenario = ScenarioParser.Parse($$"""
            {"api": {"type": "REST", "routes": [{"method": "ANY", "resource": "/", "authorizer": "A"}, {"method": "ANY", "resource": "/{proxy+}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": {{ttl}}, "function": {"kind": "reference"} } },
             "requests": []}
            """).Scenario!;
        var served = function(secret);
        var gateway = new ApiGateway(scenario.Api, scenario.Authorizers, _ => served, TimeProvider.System);
        await using var stage = await new FakeStage(gateway, StageName).StartAsync();
        var environment = allowSlow ? new Dictionary<string, string> { [DeployedStageTarget.AllowSlowVariable] = "1" } : [];
        var (results, console) = await RunAsync($"stage:{stage.Url}", secret, environment, "", features);
        return new DeployedRun(results, console, 0, stage.Results.Count) { StageResults = [.. stage.Results] };
    }

    /// <summary>The stage's answers, in order (stage runs).</summary>
    public IReadOnlyList<GatewayResult> StageResults { get; private init; } = [];

    /// <summary>The reference authorizer as the fakes serve it, checking tokens signed with <paramref name="secret"/>.</summary>
    public static IAuthorizerFunction Reference(string secret) => Function(secret, broken: false);

    private static Dictionary<string, string> Sources(IEnumerable<string> names) =>
        names.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(BuildMetadata.FeaturesDirectory, name)), StringComparer.Ordinal);

    private static string NewSecret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private static IAuthorizerFunction Function(string secret, bool broken)
    {
        var reference = ReferenceFunctionFactory.Create("token", new Dictionary<string, string>
        {
            ["AUTH_TOKEN_SALT"] = secret, ["AUTH_ISSUER"] = TokenDefaults.Standard.Issuer, ["AUTH_AUDIENCE"] = TokenDefaults.Standard.Audience,
        }, TimeProvider.System);
        return broken ? new FailsOpenFunction(reference) : reference;
    }

    private static async Task<(XDocument Results, string Console)> RunAsync(string function, string secret, Dictionary<string, string> environment, string extraKeys,
        IReadOnlyDictionary<string, string> featureTexts)
    {
        var folder = Directory.CreateTempSubdirectory("deployed-run-").FullName;
        try
        {
            var features = Directory.CreateDirectory(Path.Combine(folder, "features")).FullName;
            foreach (var (file, text) in featureTexts)
                File.WriteAllText(Path.Combine(features, file), text);
            File.Copy(Path.Combine(BuildMetadata.FeaturesDirectory, "KnownDivergences.md"), Path.Combine(features, "KnownDivergences.md"));
            var profile = Path.Combine(folder, "deployed.json");
            File.WriteAllText(profile, $$"""
                {"name": "deployed", "function": "{{function}}", {{extraKeys}}
                 "tokens": {"alg": "HS256", "secret": "env:{{SecretVariable}}", "issuer": "{{TokenDefaults.Standard.Issuer}}", "audience": "{{TokenDefaults.Standard.Audience}}"},
                 "principalClaims": ["sub", "userId"], "context": "primitive-claims"}
                """);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var argument in new[]
                     {
                         typeof(DeployedRun).Assembly.Location, "-noLogo", "-noColor", "-noAutoReporters", "-class", typeof(FeatureTests).FullName!,
                         "-result-xml", Path.Combine(folder, "results.xml"),
                     })
                start.ArgumentList.Add(argument);
            foreach (var name in new[] { "AUTHZ_TARGET", "AUTHZ_TAGS", "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION", DeployedStageTarget.AllowSlowVariable })
                start.Environment.Remove(name);
            start.Environment[AuthorizerProfile.EnvironmentVariable] = profile;
            start.Environment["AUTHZ_FEATURES_DIR"] = features;
            start.Environment[SecretVariable] = secret;
            start.Environment["REQNROLL_FORMATTERS"] = new JsonObject { ["formatters"] = new JsonObject() }.ToJsonString();
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The deployed-target run did not end within 10 minutes.");
            }
            var console = await stdout + await stderr;
            var xml = Path.Combine(folder, "results.xml");
            if (!File.Exists(xml))
                throw new InvalidOperationException($"The deployed-target run wrote no results (exit code {process.ExitCode}):{Environment.NewLine}{console}");
            return (XDocument.Load(xml), console);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
