using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Steps.Support;
using AuthorizerConformance.Testing;
using GatewayScenarioRunner = AuthorizerConformance.Gateway.Scenarios.ScenarioRunner;

namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// A failure of another authorizer than the reference (here the mutant catalogue's correct Node authorizer) writes a
/// reproduction that says plainly, in the file and in the failure text, that it replays against the reference authorizer
/// held to the profile's contract — and it does replay, through what <c>authz simulate</c> runs, to the outcome the run saw.
/// </summary>
public sealed class ForeignTargetReproductionTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("foreign-repro-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_reproduction_of_a_profiles_failure_says_it_replays_against_the_reference_and_replays_to_the_same_outcome()
    {
        var features = Directory.CreateDirectory(Path.Combine(_folder.FullName, "features")).FullName;
        await File.WriteAllTextAsync(Path.Combine(features, "Foreign.feature"), """
            Feature: Foreign
              @source:local-decision @rule:UNA-1
              Scenario: A token signed with another key is expected to be allowed
                Given a valid token
                And the token is signed with a key the authorizer does not know
                When the client calls GET /pets/1
                Then access is allowed
            """, TestContext.Current.CancellationToken);
        var profile = BuildMetadata.Value("NodeAuthorizerProfile");
        var reports = Path.Combine(_folder.FullName, "reports");

        var run = await FeatureRunProcess.RunAsync(typeof(ForeignTargetReproductionTests).Assembly.Location, features, _folder.FullName,
            ["-noAutoReporters", "-class", typeof(FeatureTests).FullName!],
            new Dictionary<string, string?> { [AuthorizerProfile.EnvironmentVariable] = profile },
            (Path.Combine(reports, "conformance.html"), Path.Combine(reports, "conformance.ndjson")));

        var test = Assert.Single(run.Results.Descendants("test"));
        Assert.Equal("Fail", (string?)test.Attribute("result"));
        var message = (string?)test.Element("failure")?.Element("message") ?? "";
        Assert.Contains("(replays against the reference authorizer held to the contract of the profile 'mutant-base-token'", message, StringComparison.Ordinal);
        var repro = Path.Combine(reports, "repro", "Foreign-A-token-signed-with-another-key-is-expected-to-be-allowed.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(repro, TestContext.Current.CancellationToken))!;
        Assert.StartsWith("Replays against the built-in reference authorizer held to the contract of the profile 'mutant-base-token' (", (string?)json["comment"], StringComparison.Ordinal);
        var env = json["authorizers"]!["A"]!["function"]!["env"]!.AsObject();
        Assert.Equal(Reproduction.PlaceholderSecret, (string?)env["AUTH_TOKEN_SALT"]);
        Assert.Equal("HS256", (string?)env["AUTH_ALGORITHMS"]);
        Assert.DoesNotContain("AUTH_SECRET", env.Select(kv => kv.Key)); // the function's own variable means nothing to the reference

        var parsed = ScenarioParser.Parse(json.ToJsonString());
        Assert.True(parsed.IsValid, parsed.Error?.ToString());
        var replay = await GatewayScenarioRunner.RunAsync(parsed.Scenario!, ReferenceFunctionFactory.CreateResolver(parsed.Scenario!.Api.Type, TextWriter.Null),
            DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        Assert.Null(replay.Error);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(repro, ".outcome.json"), TestContext.Current.CancellationToken))!;
        var actual = Reproduction.Outcome(replay.Results);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"the run saw {expected.ToJsonString()}, the replay gives {actual.ToJsonString()}");
        Assert.Equal(401, (int)actual[0]!["status"]!);
    }
}
