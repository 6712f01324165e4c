using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Canaries;

namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// Issue 13, secret canaries through a function in its own process: <c>authz run</c> (the suite as a child process)
/// against a Node authorizer (<c>RunFixtures/canary/leaky.js</c>) that logs every token, its secret, its event and its
/// environment and puts the raw token in its context, with canary keys (<c>AUTHZ_KEYS_FILE</c>) and canary AWS
/// credentials. Tokens of every algorithm family the harness signs with go through it, and most scenarios fail on purpose
/// so that assertion messages carry request details, contexts, principals and the function's log. No canary may appear in
/// the console, the GitHub step summary, or any report file (junit.xml, summary.md, conformance.html/.ndjson, lint.md,
/// repro/).
/// </summary>
public sealed class CanaryRunTests(CanaryRunTests.Run run) : IClassFixture<CanaryRunTests.Run>
{
    private SecretCanaries Canaries => run.Canaries;
    private string Reports => run.Reports;
    private string StepSummary => run.StepSummary;
    private string Record => run.Record;

    [Fact]
    public void The_run_failed_on_purpose_and_wrote_every_report()
    {
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}, expected 1 (failed scenarios):\n{run.Console}");
        foreach (var name in new[] { "junit.xml", "summary.md", "conformance.html", "conformance.ndjson", "lint.md" })
            Assert.True(File.Exists(Path.Combine(Reports, name)), $"{name} is missing: {string.Join(", ", Directory.GetFiles(Reports))}");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Reports, "repro")));
        Assert.True(File.Exists(StepSummary), "no GitHub step summary");
        // The ndjson's attachments (the failures' "What happened") are base64: the canary search decodes them.
        Assert.True(SecretCanaries.Base64Attachments(File.ReadAllText(Path.Combine(Reports, "conformance.ndjson"))) > 0);
    }

    [Fact]
    public void The_function_received_tokens_of_every_family_signed_with_the_canary_keys_and_the_canary_secret()
    {
        var received = Received();
        Assert.All(received, r => Assert.Equal(Canaries.HsSecret, r.Secret));
        var families = received.Select(r => JsonDocument.Parse(Convert.FromBase64String(Pad(r.Token.Split('.')[0]))).RootElement.GetProperty("alg").GetString()![..2]).ToHashSet();
        Assert.Equal(["ES", "HS", "RS"], families.Order());
        Assert.All(received, r => Assert.True(Canaries.Verifies(r.Token), "a received token does not verify under the canary keys"));
    }

    [Fact]
    public void No_canary_appears_in_the_console_the_step_summary_or_any_report()
    {
        var tokens = Received().Select(r => r.Token).ToList();
        var outputs = new List<(string Name, string Text)> { ("console", run.Console), ("step summary", File.ReadAllText(StepSummary)) };
        outputs.AddRange(Directory.GetFiles(Reports, "*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(Reports, f), File.ReadAllText(f))));

        var findings = outputs.SelectMany(o => Canaries.Find(o.Name, o.Text, tokens)).ToList();

        // The search is not blind: what the function itself recorded (outside the reports) holds the secret and the tokens.
        Assert.Contains(Canaries.Find("record", File.ReadAllText(Record), tokens), f => f.EndsWith("the HS secret", StringComparison.Ordinal));
        Assert.Contains(Canaries.Find("record", File.ReadAllText(Record), tokens), f => f.EndsWith("a whole token the function received", StringComparison.Ordinal));

        Assert.True(findings.Count == 0, $"canaries leaked ({outputs.Count} outputs searched):\n{string.Join("\n", findings)}");
        Assert.True(outputs.Count >= 8, $"only {outputs.Count} outputs");
    }

    private List<(string Token, string? Secret)> Received()
    {
        var lines = File.ReadAllLines(Record);
        Assert.True(lines.Length >= 7, $"the function was called {lines.Length} times");
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Token: e.GetProperty("token").GetString()!.Replace("Bearer ", "", StringComparison.Ordinal), Secret: e.GetProperty("secret").GetString()))
            .Where(r => r.Token.Length > 0)];
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }

    /// <summary>The one <c>authz run</c> the tests read (a class fixture).</summary>
    public sealed class Run : IAsyncLifetime
    {
        private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "RunFixtures", "canary");
        private string _work = "";

        public SecretCanaries Canaries { get; } = SecretCanaries.Create();
        public int ExitCode { get; private set; }
        public string Console { get; private set; } = "";
        public string Reports => Path.Combine(_work, "reports");
        public string StepSummary => Path.Combine(_work, "step-summary.md");
        public string Record => Path.Combine(_work, "received.jsonl");

        public async ValueTask InitializeAsync()
        {
            _work = Directory.CreateTempSubdirectory("authz-canary-run-").FullName;
            var profile = Path.Combine(_work, "profile.json");
            File.WriteAllText(profile, new JsonObject
            {
                ["name"] = "leaky-canary",
                ["function"] = "node:" + Path.Combine(Fixture, "leaky.js"),
                ["tokens"] = new JsonObject
                {
                    ["alg"] = new JsonArray("HS256", "RS256", "ES256", "ES384"), ["secretEnv"] = "CANARY_SECRET", ["jwksEnv"] = "CANARY_JWKS",
                },
                ["context"] = "none",
                ["environment"] = new JsonObject { ["CANARY_RECORD"] = Record },
            }.ToJsonString());
            var environment = new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_STEP_SUMMARY"] = StepSummary };
            foreach (var (name, value) in Canaries.Environment)
                environment[name] = value;
            (ExitCode, Console) = await AuthzProcess.RunAsync("dotnet",
                [AuthzProcess.AuthzAssembly, "run", "--no-builtin", "--features", Path.Combine(Fixture, "features"), "--profile", profile, "--report", Reports],
                AuthzProcess.RepoRoot, environment);
        }

        public ValueTask DisposeAsync()
        {
            Canaries.Dispose();
            Directory.Delete(_work, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
