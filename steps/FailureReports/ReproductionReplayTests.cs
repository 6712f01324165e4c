using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Steps.Support;
using GatewayScenarioRunner = AuthorizerConformance.Gateway.Scenarios.ScenarioRunner;

namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// The reproduction of every failing scenario that sent requests replays, through what <c>authz simulate</c> runs
/// (the strict scenario parser, the reference function kind, the emulation), to the outcome the run saw; and it
/// holds none of the run's secrets.
/// </summary>
public class ReproductionReplayTests
{
    [Fact]
    public async Task Every_reproduction_replays_to_the_outcome_the_run_saw()
    {
        var run = await PlantedRun.Get();

        var repros = Directory.GetFiles(Path.Combine(run.ReportsFolder, "repro"), "*.json")
            .Where(f => !f.EndsWith(".outcome.json", StringComparison.Ordinal) && !f.EndsWith(".jwks.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        // Every failing scenario with requests: the expectation kinds but the two without requests, and the harness error.
        Assert.Equal(PlantedFailureTests.Kinds.Count - 2 + 1, repros.Count);
        foreach (var repro in repros)
        {
            var parsed = ScenarioParser.Parse(await File.ReadAllTextAsync(repro, TestContext.Current.CancellationToken));
            Assert.True(parsed.IsValid, $"{Path.GetFileName(repro)}: {parsed.Error}");
            var replay = await GatewayScenarioRunner.RunAsync(parsed.Scenario!, ReferenceFunctionFactory.CreateResolver(parsed.Scenario!.Api.Type, TextWriter.Null),
                DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
            Assert.Null(replay.Error);

            var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(repro, ".outcome.json"), TestContext.Current.CancellationToken))!.AsArray();
            Assert.NotEmpty(expected);
            var actual = Reproduction.Outcome(replay.Results);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{Path.GetFileName(repro)}: the run saw {expected.ToJsonString()}, the replay gives {actual.ToJsonString()}");
        }
    }

    [Fact]
    public async Task A_reproduction_names_placeholders_for_the_runs_secrets_and_mints_its_tokens_again()
    {
        var run = await PlantedRun.Get();

        var repro = Directory.GetFiles(Path.Combine(run.ReportsFolder, "repro"), "ReferenceExpectations-status-against-the-target.json").Single();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(repro, TestContext.Current.CancellationToken))!;
        var env = json["authorizers"]!["A"]!["function"]!["env"]!;
        Assert.Equal("reference", (string?)json["authorizers"]!["A"]!["function"]!["kind"]);
        Assert.Equal(Reproduction.PlaceholderSecret, (string?)env["AUTH_TOKEN_SALT"]);
        Assert.Equal(Path.Combine(run.ReportsFolder, "repro", "placeholder-keys.jwks.json"), (string?)env["AUTH_JWKS_FILE"]);
        var header = (string?)json["requests"]![0]!["headers"]!["Authorization"];
        Assert.StartsWith("Bearer eyJ", header, StringComparison.Ordinal);
        // The run's token for the same claims carries the run's signature; the reproduction's verifies under the placeholder secret only.
        Assert.DoesNotContain(header![7..], run.Console, StringComparison.Ordinal);
        Assert.Null(json["requests"]![1]!["headers"]!["Authorization"]);
    }
}
