using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;
using AuthorizerConformance.Harness.Calibration;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Recording;

namespace AuthorizerConformance.Steps.Recording;

/// <summary>
/// The committed recording set <c>test-data/recordings/reference</c> (made from the in-process reference authorizer,
/// docs/deployed-stage.md says how) replayed offline: the features it covers run in a separate process against the
/// <c>recorded:</c> target while recording again, every scenario must pass, and the new recordings must equal the
/// committed ones — every difference of the emulation from the recording is listed at once.
/// </summary>
public sealed class RecordedReplayTests : IDisposable
{
    /// <summary>The features the committed set covers.</summary>
    public static readonly string[] Features = ["Context.feature", "TokenValidation.feature"];

    private static readonly string Recordings =
        typeof(RecordedReplayTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RecordingsDirectory").Value!;

    private static readonly string SourceFeatures =
        typeof(RecordedReplayTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ReqnrollFeaturesDirectory").Value!;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("recorded-replay-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_emulation_replaying_the_committed_recordings_reproduces_every_one_of_them()
    {
        var again = Path.Combine(_folder.FullName, "again");
        var results = await RunAsync(again);

        var tests = results.Descendants("test").ToList();
        var failed = tests.Where(t => (string?)t.Attribute("result") == "Fail")
            .Select(t => $"{t.Attribute("name")!.Value}: {t.Element("failure")?.Element("message")?.Value}").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} replayed scenario(s) failed:{Environment.NewLine}{string.Join(Environment.NewLine, failed)}");
        var committed = RecordingSet.Load(Path.Combine(Recordings, "reference"));
        Assert.True(committed.Scenarios.Count >= 40, $"the committed set holds {committed.Scenarios.Count} scenarios");
        var differences = RecordingSet.Differences(committed.Scenarios, RecordingSet.Load(again).Scenarios);
        Assert.True(differences.Count == 0,
            $"{differences.Count} difference(s) between the committed recordings and the emulation now:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
        Assert.Equal(committed.Manifest.Capabilities, RecordingSet.Load(again).Manifest.Capabilities);
    }

    private async Task<XDocument> RunAsync(string recordInto)
    {
        var features = Directory.CreateDirectory(Path.Combine(_folder.FullName, "features")).FullName;
        foreach (var feature in Features)
            File.Copy(Path.Combine(SourceFeatures, feature), Path.Combine(features, feature));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.FullName };
        foreach (var argument in new[]
                 {
                     typeof(RecordedReplayTests).Assembly.Location, "-noLogo", "-noColor", "-noAutoReporters", "-class", typeof(FeatureTests).FullName!,
                     "-result-xml", Path.Combine(_folder.FullName, "results.xml"),
                 })
            start.ArgumentList.Add(argument);
        start.Environment["AUTHZ_FEATURES_DIR"] = features;
        start.Environment[AuthorizerProfile.EnvironmentVariable] = Path.Combine(Recordings, "reference.profile.json");
        start.Environment[ScenarioRecorder.EnvironmentVariable] = recordInto;
        start.Environment.Remove("AUTHZ_TARGET");
        start.Environment.Remove(BehaviorFile.EnvironmentVariable);
        start.Environment.Remove("AUTHZ_TAGS");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var xml = Path.Combine(_folder.FullName, "results.xml");
        if (!File.Exists(xml))
            throw new InvalidOperationException($"The replay run wrote no results (exit code {process.ExitCode}):{Environment.NewLine}{await stdout}{await stderr}");
        return XDocument.Load(xml);
    }
}
