using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Calibration;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Harness.Tests.Calibration;

public class CalibrationTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    /// <summary>A stage that differs from the defaults on eight calibrated options (of every kind: booleans both ways, choices).</summary>
    private static readonly GatewayBehavior NonDefault = GatewayBehavior.Default with
    {
        ValidationExpressionMatch = ValidationExpressionMatch.Find,
        PrincipalIdRequired = true,
        AcceptSingleStatementObject = false,
        EffectCaseSensitive = false,
        Conditions = ConditionHandling.RejectAsInvalid,
        UnauthorizedMatchIgnoresCase = true,
        RestOutputSizeLimit = true,
        EmptyNotList = EmptyElementReading.Literal,
    };

    [Fact]
    public async Task The_in_process_emulation_follows_every_default()
    {
        var report = await Calibrator.RunAsync(new EmulatedCalibrationStage(GatewayBehavior.Default, Secret), Secret, TestContext.Current.CancellationToken);

        Assert.True(report.Calibrated, report.ControlFailure);
        var probed = report.Rows.Where(r => r.Verdict != CalibrationVerdict.NotCalibrated).ToList();
        Assert.Equal(CalibrationProbes.All.Select(p => p.Option), probed.Select(r => r.Option));
        Assert.All(probed, r => Assert.True(r.Verdict == CalibrationVerdict.Default && r.StageValue == r.DefaultValue, $"{r.Option}: {r.Verdict} {r.Evidence}"));
        Assert.Equal(GatewayBehavior.Default, BehaviorFile.Parse(BehaviorFile.Write(report.BehaviorFile()), "calibrated.json"));
    }

    [Fact]
    public async Task The_fake_stage_with_non_default_options_is_detected_over_http_and_its_behaviour_file_loads_as_that_behaviour()
    {
        await using var stage = await new FakeStage(CalibrationApi.Emulate(NonDefault, Secret, TimeProvider.System), "calibrate").StartAsync();
        using var http = new HttpClient();

        var report = await Calibrator.RunAsync(new InvokeUrlCalibrationStage(new StageInvoker(http, stage.Url), stage.Url), Secret, TestContext.Current.CancellationToken);

        Assert.True(report.Calibrated, report.ControlFailure);
        var differs = report.Rows.Where(r => r.Verdict == CalibrationVerdict.Differs).ToDictionary(r => r.Option, r => r.StageValue);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["validationExpressionMatch"] = "\"find\"", ["principalIdRequired"] = "true", ["acceptSingleStatementObject"] = "false",
            ["effectCaseSensitive"] = "false", ["conditions"] = "\"rejectAsInvalid\"", ["unauthorizedMatchIgnoresCase"] = "true",
            ["restOutputSizeLimit"] = "true", ["emptyNotList"] = "\"literal\"",
        }, differs);
        Assert.DoesNotContain(report.Rows, r => r.Verdict == CalibrationVerdict.Unexplained);
        Assert.Equal(CalibrationProbes.All.Count + 1, stage.Results.Count); // every probe and the control reached the stage
        // Every option the stage differs on is calibrated, the others are at their defaults: the file is that behaviour.
        Assert.Equal(NonDefault, BehaviorFile.Parse(BehaviorFile.Write(report.BehaviorFile()), "calibrated.json"));
        Assert.Matches(new Regex(@"principalIdRequired\s+OUT-3\s+DIFFERS\s+false\s+true\s+got 500"), report.Table());
    }

    [Fact]
    public async Task A_stage_whose_authorizer_has_another_secret_fails_the_control_probe_and_is_not_calibrated()
    {
        var report = await Calibrator.RunAsync(new EmulatedCalibrationStage(GatewayBehavior.Default, RandomNumberGenerator.GetBytes(32)), Secret,
            TestContext.Current.CancellationToken);

        Assert.False(report.Calibrated);
        Assert.Contains("control probe", report.ControlFailure, StringComparison.Ordinal);
        Assert.Contains("got 401 UnauthorizedException instead of 200", report.ControlFailure, StringComparison.Ordinal);
        Assert.Empty(report.Rows);
    }

    [Fact]
    public async Task Every_probe_tells_every_value_of_its_option_apart()
    {
        foreach (var probe in CalibrationProbes.All)
        {
            var seen = new Dictionary<CalibrationObservation, string>();
            foreach (var value in probe.Values)
            {
                var stage = new EmulatedCalibrationStage(Calibrator.Behavior(probe.Option, value), Secret);
                var observed = await stage.SendAsync(new ClientRequest
                {
                    Method = "GET", Path = probe.Path, SourceIp = Calibrator.SourceIp,
                    Headers = [new("Authorization", CalibrationToken.Create(probe.Action, Secret))],
                }, TestContext.Current.CancellationToken);
                Assert.False(seen.TryGetValue(observed, out var other), $"{probe.Option}: {value} and {other} both give {observed}");
                seen[observed] = value;
            }
        }
    }

    [Fact]
    public void Every_behaviour_option_is_probed_or_says_why_not()
    {
        var accounted = CalibrationProbes.All.Select(p => p.Option).Concat(CalibrationProbes.NotCalibrated.Keys).ToList();

        Assert.Equal(accounted.Distinct().Count(), accounted.Count);
        Assert.Equal(ScenarioParser.BehaviorOptionNames.Order(StringComparer.Ordinal), accounted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_probe_comes_from_a_verify_on_aws_scenario_of_its_rule()
    {
        var features = Path.Combine(TestPaths.RepoRoot(), "features");
        foreach (var probe in CalibrationProbes.All)
        {
            var (file, title) = (probe.Scenario[..probe.Scenario.IndexOf(": ", StringComparison.Ordinal)], probe.Scenario[(probe.Scenario.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
            var lines = File.ReadAllLines(Path.Combine(features, file));
            var at = Array.FindIndex(lines, l => Regex.IsMatch(l.Trim(), @"^Scenario( Outline)?: " + Regex.Escape(title) + "$"));
            Assert.True(at > 0, $"{probe.Option}: no scenario \"{title}\" in {file}");
            var tags = string.Join(" ", lines[..at].Reverse().TakeWhile(l => l.TrimStart().StartsWith('@')));
            Assert.Contains("@verify-on-aws", tags, StringComparison.Ordinal);
            Assert.Contains($"@rule:{probe.Rule} ", tags + " ", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_calibration_token_verifies_only_with_its_secret_and_carries_the_action()
    {
        var action = CalibrationAction.Returns("""{"principalId":"x"}""", 12);
        var token = CalibrationToken.Create(action, Secret);

        Assert.Equal(action, CalibrationToken.Read(token, Secret));
        Assert.Equal(action, CalibrationToken.Read("Bearer " + token, Secret));
        Assert.Null(CalibrationToken.Read(token, RandomNumberGenerator.GetBytes(32)));
        Assert.Null(CalibrationToken.Read(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), Secret));
        Assert.Equal(CalibrationAction.Fails("unauthorized"), CalibrationToken.Read(CalibrationToken.Create(CalibrationAction.Fails("unauthorized"), Secret), Secret));
    }
}
