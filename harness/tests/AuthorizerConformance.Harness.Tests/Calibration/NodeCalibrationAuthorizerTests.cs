using System.Security.Cryptography;
using System.Text;
using AuthorizerConformance.Functions;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Calibration;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Tests.Calibration;

public class NodeCalibrationAuthorizerTests
{
    [Fact]
    public async Task The_deployable_node_calibration_authorizer_makes_the_emulation_follow_every_default_as_its_in_process_twin_does()
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var folder = Path.Combine(TestPaths.RepoRoot(), "examples", "calibration-authorizer");
        await using var host = FunctionHosts.Start(new FunctionStartInfo("node:index.mjs#handler", folder,
            new Dictionary<string, string> { ["CALIBRATION_SECRET"] = secret }, TimeSpan.FromSeconds(10), 1));
        var log = new StringWriter();
        var node = new HostedAuthorizerFunction(new Lazy<IFunctionHost>(host), log);

        var report = await Calibrator.RunAsync(new EmulatedCalibrationStage(CalibrationApi.Emulate(GatewayBehavior.Default, node, TimeProvider.System)),
            Encoding.UTF8.GetBytes(secret), TestContext.Current.CancellationToken);

        Assert.True(report.Calibrated, report.ControlFailure);
        Assert.All(report.Rows.Where(r => r.Verdict != CalibrationVerdict.NotCalibrated),
            r => Assert.True(r.Verdict == CalibrationVerdict.Default, $"{r.Option}: {r.Verdict} {r.Evidence}"));
        Assert.DoesNotContain("eyJ", log.ToString(), StringComparison.Ordinal);
    }
}
