using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Testing;

namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// Issue 13, fault injection at the suite level for a function in its own process: the conformance suite (this assembly's
/// feature theory, as a child process) runs a scenario that a correct authorizer passes against a custom runtime that
/// fails on purpose (<c>faults/faulty-runtime.js</c> through <c>command:</c>): it hangs, crashes in the middle of its
/// answer, sends garbage to the Runtime API, answers over 6 MB, never polls, or starts too slowly. Each scenario must end
/// failed with the fault named in its message, within a bound; the control row (a correct answer) must pass.
/// </summary>
public sealed class FaultRunTests(FaultRunTests.Runs runs) : IClassFixture<FaultRunTests.Runs>
{
    /// <summary>No faulty scenario may take longer (the function's timeout is 3 s; Lambda's init bound is 10 s).</summary>
    public static readonly TimeSpan ScenarioBound = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string, string> Faults => new()
    {
        { "invocation", "path=hang]", "timed out after 3" },
        // The cut answer and the exit race: the host names whichever it sees first, both name the crash.
        { "invocation", "path=crash]", "Runtime.TruncatedResponse|Runtime.ExitError: RequestId: * Error: Runtime exited with error: exit status 3" },
        { "invocation", "path=garbage]", "Runtime.ExitError" },
        { "invocation", "path=huge]", "Function.ResponseSizeTooLarge" },
        { "never-polls", "A function process that does not start in time fails the scenario", "Sandbox.Timedout" },
        { "slow-start", "A function process that does not start in time fails the scenario", "Sandbox.Timedout" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_faulty_function_fails_its_scenario_naming_the_fault_within_the_bound(string run, string scenario, string named)
    {
        var results = await runs.Get(run);
        var test = Test(results, scenario);

        Assert.True((string?)test.Attribute("result") == "Fail", $"'{scenario}' ({run}) must fail: {test}");
        var message = (string?)test.Element("failure")?.Element("message") ?? "";
        Assert.True(named.Split('|').Any(n => Names(message, n)), $"'{scenario}' ({run}) must name \"{named}\": {message}");
        Assert.Contains("500", message, StringComparison.Ordinal);
        Assert.True(Seconds(test) < ScenarioBound.TotalSeconds, $"'{scenario}' ({run}) took {Seconds(test)} s");
    }

    [Fact]
    public async Task The_same_runtime_answering_correctly_passes()
    {
        var results = await runs.Get("invocation");

        Assert.Equal("Pass", (string?)Test(results, "path=ok]").Attribute("result"));
    }

    /// <summary>Whether <paramref name="message"/> holds <paramref name="named"/>, a <c>*</c> in it standing for a request id.</summary>
    private static bool Names(string message, string named) =>
        System.Text.RegularExpressions.Regex.IsMatch(message, string.Join("[0-9a-f-]+", named.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)));

    private static double Seconds(XElement test) => double.Parse((string)test.Attribute("time")!, CultureInfo.InvariantCulture);

    private static XElement Test(XDocument results, string scenario) =>
        results.Descendants("test").SingleOrDefault(t => ((string)t.Attribute("name")!).Contains(scenario, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No test '{scenario}': {string.Join(" | ", results.Descendants("test").Select(t => (string)t.Attribute("name")!))}");

    /// <summary>The three runs (started together, each once): every invocation fault, and the two faults of a process's start.</summary>
    public sealed class Runs : IDisposable
    {
        private static readonly string Faults =
            Path.Combine(Path.GetDirectoryName(PlantedRun.FeaturesFolder)!, "faults");

        private readonly string _folder = Directory.CreateTempSubdirectory("fault-runs-").FullName;
        private readonly Dictionary<string, Task<XDocument>> _runs;

        public Runs() => _runs = new() { ["invocation"] = Start("invocation", null), ["never-polls"] = Start("process", "never-polls"), ["slow-start"] = Start("process", "slow-start") };

        public Task<XDocument> Get(string run) => _runs[run];

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private Task<XDocument> Start(string features, string? fault) => Task.Run(async () =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(_folder, fault ?? features)).FullName;
            var profile = Path.Combine(folder, "profile.json");
            File.WriteAllText(profile, new JsonObject
            {
                ["name"] = "faulty-" + (fault ?? features),
                ["function"] = "command:node " + Path.Combine(Faults, "faulty-runtime.js"),
                ["tokens"] = new JsonObject { ["alg"] = "HS256", ["secretEnv"] = "FAULTY_SECRET" },
                ["timeoutSeconds"] = 3,
                ["environment"] = fault is null ? new JsonObject() : new JsonObject { ["FAULT"] = fault },
            }.ToJsonString());
            var run = await FeatureRunProcess.RunAsync(typeof(Runs).Assembly.Location, Path.Combine(Faults, features), folder,
                ["-noAutoReporters", "-class", typeof(FeatureTests).FullName!],
                new Dictionary<string, string?> { [AuthorizerProfile.EnvironmentVariable] = profile, ["AUTHZ_TARGET"] = null }, bound: TimeSpan.FromMinutes(3));
            return run.Results;
        });
    }
}
