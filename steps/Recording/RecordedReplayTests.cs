using System.Xml.Linq;
using AuthorizerConformance.Steps.Support;
using AuthorizerConformance.Harness.Calibration;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Recording;
using AuthorizerConformance.Testing;

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
        BuildMetadata.Value("RecordingsDirectory");

    private static readonly string SourceFeatures = BuildMetadata.FeaturesDirectory;

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
        var run = await FeatureRunProcess.RunAsync(typeof(RecordedReplayTests).Assembly.Location, features, _folder.FullName,
            ["-noAutoReporters", "-class", typeof(FeatureTests).FullName!],
            new Dictionary<string, string?>
            {
                [AuthorizerProfile.EnvironmentVariable] = Path.Combine(Recordings, "reference.profile.json"),
                [ScenarioRecorder.EnvironmentVariable] = recordInto,
                ["AUTHZ_TARGET"] = null,
                [BehaviorFile.EnvironmentVariable] = null,
                ["AUTHZ_TAGS"] = null,
                ["AUTHZ_API"] = null,
            });
        return run.Results;
    }
}
