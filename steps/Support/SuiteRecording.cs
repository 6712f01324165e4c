using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Calibration;
using AuthorizerConformance.Harness.Recording;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// What the run's environment asks of every scenario besides its verdict: AUTHZ_RECORD (record each scenario into a
/// recording set) and AUTHZ_BEHAVIOR (the behaviour file the emulation starts from, e.g. one <c>authz calibrate</c> wrote).
/// </summary>
public static partial class SuiteRecording
{
    private static readonly Lazy<GatewayBehavior> LoadedBehavior = new(() =>
        Environment.GetEnvironmentVariable(BehaviorFile.EnvironmentVariable) is { Length: > 0 } file
            ? BehaviorFile.Load(FromShell(file))
            : GatewayBehavior.Default);

    /// <summary>The behaviour every scenario starts from (a bad file fails every scenario with its file:line: JSON path).</summary>
    public static GatewayBehavior Behavior => LoadedBehavior.Value;

    /// <summary>The recording set the run writes, or null.</summary>
    public static string? Directory =>
        Environment.GetEnvironmentVariable(ScenarioRecorder.EnvironmentVariable) is { Length: > 0 } folder ? FromShell(folder) : null;

    /// <summary>The id of <paramref name="scenario"/> in a recording set.</summary>
    public static string IdOf(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return RecordingIds.For(Path.GetFileNameWithoutExtension(scenario.File.RelativePath), scenario.Title,
            scenario.Label.Length == 0 ? [] : [scenario.Label]);
    }

    /// <summary>
    /// The secrets and tokens of <paramref name="stage"/>'s scenario that recordings withhold: the tokens it built, the
    /// run's secret and the function's secret-named settings (a name with SECRET, SALT, PASSWORD, TOKEN or KEY). Unlike
    /// <see cref="OutputRedaction"/> it keeps the other settings (issuer, audience, scope routes): they appear in the
    /// authorizer's outputs, and a replay must return those outputs whole. The recorder adds the identity values.
    /// </summary>
    public static IReadOnlyCollection<string> Secrets(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return
        [
            .. stage.BuiltTokens.Select(t => t.Text),
            .. stage.Session.AuthorizerEnvironment.Where(e => SecretName().IsMatch(e.Key)).Select(e => e.Value),
            SuiteKeys.Ring.Secret,
        ];
    }

    [System.Text.RegularExpressions.GeneratedRegex("SECRET|SALT|PASSWORD|TOKEN|KEY", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SecretName();

    /// <summary>Writes the recording of <paramref name="stage"/>'s scenario when the run records (and it sent anything).</summary>
    public static void Record(Stage stage, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(scenario);
        if (Directory is not { } folder || stage.Session.Results.Count == 0)
            return;
        var name = $"{Path.GetFileName(scenario.File.RelativePath)}: {scenario.Title}{(scenario.Label.Length == 0 ? "" : " " + scenario.Label)}";
        ScenarioRecorder.Write(folder, ScenarioRecorder.Record(stage.Session, IdOf(scenario), name, Secrets(stage)), Stage.Target);
    }

    // A relative path is relative to where the user ran dotnet test (its PWD), as for AUTHZ_PROFILE.
    private static string FromShell(string path)
    {
        if (Path.IsPathRooted(path))
            return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return !string.IsNullOrEmpty(shell) && Path.IsPathRooted(shell) ? Path.Combine(shell, path) : Path.GetFullPath(path);
    }
}
