using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Calibration;

namespace AuthorizerConformance.Cli.Tests;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("authz-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Calibrating_the_emulation_finds_every_default_and_writes_a_behaviour_file()
    {
        var profile = Write("reference.json", """{"function": "reference", "tokens": {"alg": "HS256", "secretEnv": "AUTH_TOKEN_SALT"}}""");
        var output = Path.Combine(_dir, "behavior.json");

        var (code, stdout, stderr) = CliRunner.Run("calibrate", "--profile", profile, "--write", output);

        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains("Calibration of the in-process emulation", stdout, StringComparison.Ordinal);
        Assert.Contains($"{CalibrationProbes.All.Count} options probed: {CalibrationProbes.All.Count} follow the default, 0 differ, 0 unexplained; " +
            $"{CalibrationProbes.NotCalibrated.Count} not calibrated.", stdout, StringComparison.Ordinal);
        Assert.Equal(GatewayBehavior.Default, BehaviorFile.Load(output));
        Assert.Equal(CalibrationProbes.All.Count, JsonNode.Parse(File.ReadAllText(output))!.AsObject().Count);
    }

    [Fact]
    public async Task Calibrating_a_stage_with_non_default_behaviour_finds_it_and_simulate_then_follows_it()
    {
        var variable = "AUTHZ_TEST_CALIBRATION_SECRET_" + Guid.NewGuid().ToString("N");
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            var behavior = GatewayBehavior.Default with { PrincipalIdRequired = true, EmptyStringEntry = AuthorizerConformance.Policy.EmptyElementReading.Literal };
            await using var stage = await new FakeStage(CalibrationApi.Emulate(behavior, Encoding.UTF8.GetBytes(secret), TimeProvider.System), "calibrate").StartAsync();
            var profile = Write("stage.json", $$$"""{"function": "reference", "tokens": {"alg": "HS256", "secretEnv": "{{{variable}}}"}}""");
            var output = Path.Combine(_dir, "stage-behavior.json");

            var (code, stdout, stderr) = CliRunner.Run("calibrate", "--profile", profile, "--stage", stage.Url.ToString(), "--out", output);

            Assert.Equal((0, ""), (code, stderr));
            Assert.Contains($"Calibration of the stage at {stage.Url}", stdout, StringComparison.Ordinal);
            Assert.Contains("2 differ, 0 unexplained", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", stdout, StringComparison.Ordinal);
            Assert.Equal(behavior, BehaviorFile.Load(output));

            // The emulation then follows the stage: an output without principalId is a 500 with the file, a 200 without it.
            var scenario = Write("scenario.json", """
                {"api": {"type": "REST", "routes": [{"method": "GET", "resource": "/pets", "authorizer": "A"}]},
                 "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": 0,
                   "function": {"kind": "scripted", "outcomes": [{"return": {"policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}}]}}},
                 "requests": [{"method": "GET", "path": "/pets", "headers": {"Authorization": "x"}}]}
                """);
            Assert.Equal(200, Status(CliRunner.Run("simulate", scenario)));
            Assert.Equal(500, Status(CliRunner.Run("simulate", scenario, "--behavior", output)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_scenario_names_its_behaviour_file_in_api_behavior_relative_to_itself()
    {
        Write("stage-behavior.json", "{\"principalIdRequired\": true}");
        var scenario = Write("scenario.json", """
            {"api": {"type": "REST", "behavior": "stage-behavior.json", "routes": [{"method": "GET", "resource": "/pets", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": 0,
               "function": {"kind": "scripted", "outcomes": [{"return": {"policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}}]}}},
             "requests": [{"method": "GET", "path": "/pets", "headers": {"Authorization": "x"}}]}
            """);
        var missing = Write("missing.json", File.ReadAllText(scenario).Replace("stage-behavior.json", "nowhere.json", StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("simulate", missing);

        Assert.Equal(500, Status(CliRunner.Run("simulate", scenario)));
        Assert.Equal(2, code);
        Assert.Contains("authz simulate: api.behavior: ", stderr, StringComparison.Ordinal);
        Assert.Contains("nowhere.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_profile_names_the_calibration_stage_and_its_secret()
    {
        var variable = "AUTHZ_TEST_CALIBRATION_SECRET_" + Guid.NewGuid().ToString("N");
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            var behavior = GatewayBehavior.Default with { AcceptSingleStatementObject = false };
            await using var stage = await new FakeStage(CalibrationApi.Emulate(behavior, Encoding.UTF8.GetBytes(secret), TimeProvider.System), "calibrate").StartAsync();
            var profile = Write("calibration.json", $$$"""{"name": "calibration", "function": "stage:{{{stage.Url}}}", "tokens": {"alg": "HS256", "secret": "env:{{{variable}}}"}}""");
            var output = Path.Combine(_dir, "calibrated.json");

            var (code, stdout, stderr) = CliRunner.Run("calibrate", "--profile", profile, "--write", output);

            Assert.Equal((0, ""), (code, stderr));
            Assert.Contains("1 differ, 0 unexplained", stdout, StringComparison.Ordinal);
            Assert.Equal(behavior, BehaviorFile.Load(output));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static int Status((int ExitCode, string Stdout, string Stderr) run)
    {
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        return JsonNode.Parse(run.Stdout)!["results"]![0]!["status"]!.GetValue<int>();
    }

    [Fact]
    public void A_behaviour_file_with_an_unknown_option_is_exit_2_naming_file_line_and_path_for_simulate_and_run()
    {
        var bad = Write("bad.json", "{\n  \"principalIdRequired\": true,\n  \"principalIdRequird\": true\n}\n");
        var scenario = Write("s.json", """{"api": {"type": "REST"}, "authorizers": {}, "requests": []}""");

        var simulate = CliRunner.Run("simulate", scenario, "--behavior", bad);
        var run = CliRunner.Run("run", "--behavior", bad);

        Assert.Equal(2, simulate.ExitCode);
        Assert.Contains($"{bad}:3: $.principalIdRequird: unknown behaviour option", simulate.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--behavior: {bad}:3: $.principalIdRequird: unknown behaviour option", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"function": "node:auth.js#handler", "tokens": {"alg": "HS256", "secretEnv": "S"}}""", null, "authz calibrate calibrates a stage running the calibration API")]
    [InlineData("""{"function": "reference", "tokens": {"alg": "HS256", "secretEnv": "AUTHZ_TEST_UNSET_CALIBRATION_SECRET"}}""", "http://127.0.0.1:9/calibrate",
        "AUTHZ_TEST_UNSET_CALIBRATION_SECRET is not set")]
    [InlineData("""{"function": "reference", "tokens": {"alg": "HS256", "secretEnv": "S"}}""", "ftp://example/calibrate", "is not an invoke URL")]
    public void A_calibration_that_cannot_start_is_exit_2_saying_why(string profileText, string? stageUrl, string expected)
    {
        var profile = Write("p.json", profileText);

        var (code, _, stderr) = stageUrl is null ? CliRunner.Run("calibrate", "--profile", profile) : CliRunner.Run("calibrate", "--profile", profile, "--stage", stageUrl);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_that_is_not_the_calibration_api_fails_the_control_probe_with_exit_2()
    {
        var variable = "AUTHZ_TEST_CALIBRATION_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "the-secret-of-the-run-that-differs");
        try
        {
            await using var stage = await new FakeStage(CalibrationApi.Emulate(GatewayBehavior.Default, Encoding.UTF8.GetBytes("another-secret-entirely"), TimeProvider.System), "calibrate").StartAsync();
            var profile = Write("p.json", $$$"""{"function": "reference", "tokens": {"alg": "HS256", "secretEnv": "{{{variable}}}"}}""");

            var (code, stdout, stderr) = CliRunner.Run("calibrate", "--profile", profile, "--stage", stage.Url.ToString());

            Assert.Equal(2, code);
            Assert.Contains("got 401 UnauthorizedException instead of 200", stdout, StringComparison.Ordinal);
            Assert.Contains("could not be calibrated", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
