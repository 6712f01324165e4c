using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Recording;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests.Recording;

public sealed class RecordReplayTests : IDisposable
{
    private const string Id = "recordreplay/a-valid-token-then-a-cached-one-then-none";
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("recording-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>One scenario against the reference authorizer with fresh run keys: an allowed call, a cached one, one without a token.</summary>
    private static async Task<(StageSession Session, List<string> Secrets)> RunAsync(IConformanceTarget target, string secondPath = "/pets/2")
    {
        var keys = RunKeys.Create();
        var session = new StageSession(target, Start) { ScenarioId = Id };
        foreach (var (name, value) in AuthorizerProfile.Reference.EnvironmentFor(keys))
            session.AuthorizerEnvironment[name] = value;
        session.Api["routes"] = new JsonArray(new JsonObject { ["method"] = "ANY", ["resource"] = "/{proxy+}", ["authorizer"] = "A" });
        session.Authorizers["A"] = new JsonObject
        {
            ["type"] = "TOKEN", ["identitySource"] = "method.request.header.Authorization", ["function"] = new JsonObject { ["kind"] = StageSession.TargetKind },
        };
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(Start).Set("sub", "user-1").Build(), "HS256", keys.Ring.Hmac);
        List<string> secrets = [token, keys.Secret];
        session.Secrets = () => secrets;
        foreach (var (path, credentials) in new[] { ("/pets/1", "Bearer " + token), (secondPath, "Bearer " + token), ("/pets/3", null) })
        {
            await session.SendAsync(new ClientRequest
            {
                Method = "GET", Path = path, Headers = credentials is null ? [] : [new("Authorization", credentials)],
            }, TestContext.Current.CancellationToken);
        }
        return (session, secrets);
    }

    private IConformanceTarget Replay() =>
        ProfileFunctionKinds.CreateTarget(AuthorizerProfileReader.Parse("""{"function": "recorded:set", "tokens": {"alg": "HS256", "secretEnv": "AUTH_TOKEN_SALT"}}""",
            "recorded.json", _folder.FullName).OrThrow(), RunKeys.Create());

    private async Task<ScenarioRecording> RecordAsync()
    {
        var (session, secrets) = await RunAsync(new ReferenceTarget());
        var recording = ScenarioRecorder.Record(session, Id, "RecordReplay: a valid token, then a cached one, then none", secrets);
        ScenarioRecorder.Write(Path.Combine(_folder.FullName, "set"), recording, new ReferenceTarget());
        return recording;
    }

    [Fact]
    public async Task A_recording_holds_what_went_in_and_came_out_without_any_token_or_secret()
    {
        var (session, secrets) = await RunAsync(new ReferenceTarget());
        var recording = ScenarioRecorder.Record(session, Id, "scenario", secrets);
        ScenarioRecorder.Write(_folder.FullName, recording, new ReferenceTarget());
        var text = File.ReadAllText(RecordingSet.PathOf(_folder.FullName, Id));

        Assert.Equal([200, 200, 401], recording.Requests.Select(r => r.Status));
        Assert.Equal([false, true, false], recording.Requests.Select(r => r.CacheHit));
        Assert.Equal("Bearer " + RecordingNormalizer.TokenMask, Assert.Single(recording.Requests[0].Request.Headers).Value);
        Assert.Single(recording.Calls);
        Assert.Contains("\"principalId\"", recording.Calls[0].Output, StringComparison.Ordinal);
        var token = secrets[0];
        foreach (var secret in new[] { token, token.Split('.')[2], secrets[1] })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Equal(Redaction.Redact(text, secrets), text);
        // The named allow-list: no volatile member or header survives.
        foreach (var name in new[] { "requestId", "requestTime", "requestTimeEpoch", "extendedRequestId", "integrationLatency" })
            Assert.DoesNotContain($"\\u0022{name}\\u0022", text, StringComparison.Ordinal);
        Assert.DoesNotContain(recording.Requests, r => r.Headers.Keys.Any(StageSnapshotVolatile));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, ScenarioRecorder.ManifestFile)));
    }

    private static bool StageSnapshotVolatile(string header) => Targets.Deployed.StageSnapshot.VolatileHeaders.Contains(header);

    [Fact]
    public async Task The_recorded_target_replays_the_authorizer_offline_and_the_emulation_reproduces_the_recording()
    {
        var recorded = await RecordAsync();

        // Another run: new keys, so another token; the recorded target answers for the authorizer.
        var (replayed, secrets) = await RunAsync(Replay());
        var again = ScenarioRecorder.Record(replayed, Id, recorded.Scenario, secrets);

        Assert.Empty(RecordingComparison.Differences(recorded, again));
        Assert.Equal([200, 200, 401], replayed.Results.Select(r => r.Status));
    }

    [Theory]
    [InlineData("[\"gateway-emulation\"]", new[] { "gateway-emulation", "passing-time" })]
    [InlineData("[\"gateway-emulation\", \"passing-time\"]", new[] { "gateway-emulation", "passing-time" })]
    [InlineData("[]", new string[0])]
    public async Task A_set_recorded_before_passing_time_existed_lets_time_pass_where_its_gateway_was_emulated(string listed, string[] expected)
    {
        await RecordAsync();
        var manifest = Path.Combine(_folder.FullName, "set", ScenarioRecorder.ManifestFile);
        var json = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        Assert.Contains("passing-time", json["capabilities"]!.AsArray().Select(c => (string)c!));
        json["capabilities"] = JsonNode.Parse(listed);
        File.WriteAllText(manifest, json.ToJsonString());

        Assert.Equal(expected, Replay().Capabilities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_replay_whose_event_differs_from_the_recording_fails_naming_the_stale_call()
    {
        await RecordAsync();
        var session = new StageSession(Replay(), Start) { ScenarioId = Id };
        session.Api["routes"] = new JsonArray(new JsonObject { ["method"] = "ANY", ["resource"] = "/{proxy+}", ["authorizer"] = "A" });
        session.Authorizers["A"] = new JsonObject
        {
            ["type"] = "TOKEN", ["identitySource"] = "method.request.header.Authorization", ["function"] = new JsonObject { ["kind"] = StageSession.TargetKind },
        };

        // Another method: another method ARN in the event.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => session.SendAsync(new ClientRequest
        {
            Method = "POST", Path = "/pets/1", Headers = [new("Authorization", "Bearer some-other-token")],
        }, TestContext.Current.CancellationToken));

        Assert.Contains($"call 1 of {Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("not the recorded one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_without_a_recording_is_skipped_with_the_reason()
    {
        await RecordAsync();
        var session = new StageSession(Replay(), Start) { ScenarioId = "recordreplay/another-scenario" };
        session.Authorizers["A"] = new JsonObject
        {
            ["type"] = "TOKEN", ["identitySource"] = "method.request.header.Authorization", ["function"] = new JsonObject { ["kind"] = StageSession.TargetKind },
        };
        session.Api["routes"] = new JsonArray(new JsonObject { ["method"] = "ANY", ["resource"] = "/{proxy+}", ["authorizer"] = "A" });

        var error = await Assert.ThrowsAsync<ScenarioNotApplicableException>(() => session.SendAsync(new ClientRequest
        {
            Method = "GET", Path = "/pets/1", Headers = [new("Authorization", "Bearer x")],
        }, TestContext.Current.CancellationToken));

        Assert.Contains("no recording of this scenario (recordreplay/another-scenario)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_difference_between_two_recording_sets_is_listed_at_once()
    {
        var recorded = await RecordAsync();
        var changed = recorded with
        {
            Requests = [recorded.Requests[0] with { Status = 403, Body = "{}" }, recorded.Requests[1] with { CacheHit = false }, recorded.Requests[2]],
            Calls = [recorded.Calls[0] with { Output = "{}" }],
        };

        var differences = RecordingSet.Differences(
            new Dictionary<string, ScenarioRecording> { [Id] = recorded, ["x/only-recorded"] = recorded with { Id = "x/only-recorded" } },
            new Dictionary<string, ScenarioRecording> { [Id] = changed, ["x/only-now"] = recorded with { Id = "x/only-now" } });

        Assert.Equal(6, differences.Count);
        Assert.Contains($"{Id}: request 1 (GET /pets/1): status: recorded 200, now 403", differences);
        Assert.Contains(differences, d => d.StartsWith($"{Id}: request 1 (GET /pets/1): body: recorded ", StringComparison.Ordinal));
        Assert.Contains($"{Id}: request 2 (GET /pets/2): cache hit: recorded True, now False", differences);
        Assert.Contains(differences, d => d.StartsWith($"{Id}: call 1 (authorizer A): output: recorded ", StringComparison.Ordinal));
        Assert.Contains("x/only-now: in this run, but not recorded", differences);
        Assert.Contains("x/only-recorded: recorded, but not in this run", differences);
    }

    [Fact]
    public async Task A_recording_file_with_an_unknown_member_is_an_error_naming_file_line_and_path()
    {
        await RecordAsync();
        var file = RecordingSet.PathOf(Path.Combine(_folder.FullName, "set"), Id);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"status\":", "\"statsu\": 1, \"status\":", StringComparison.Ordinal));

        var error = Assert.Throws<InputException>(() => RecordingSet.Load(Path.Combine(_folder.FullName, "set")));

        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:\d+: \$\.requests\[0\]\.statsu: ", error.Message);
    }

    [Fact]
    public void A_folder_that_is_not_a_recording_set_is_a_profile_error()
    {
        var error = Assert.Throws<ProfileException>(Replay);

        Assert.Contains("$.function:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a recording set", error.Message, StringComparison.Ordinal);
    }
}
