using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>
/// <c>"function": "recorded:DIR"</c>: replays a recording set offline. The emulated gateway runs every scenario as
/// usual; where the scenario calls the authorizer under test, this target answers with what the recorded authorizer
/// answered (its output, error or timeout), after checking that the event is the recorded one (same fingerprint). A
/// scenario that was not recorded is skipped with the reason; a scenario that calls more often than recorded, or with
/// another event, fails (the recording is stale) — a replay never passes what it cannot answer. The scenario's recorded
/// authorizer log (redacted) is written to its log. The target offers the capabilities of the target the set was made
/// against.
/// </summary>
public sealed class RecordedTarget : IConformanceTarget
{
    /// <summary>The profile function prefix.</summary>
    public const string Prefix = "recorded:";

    private readonly RecordingSet _set;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TextWriter, object> _logged = [];

    /// <summary>Replays the set named by <paramref name="profile"/>'s function (relative to the profile's folder).</summary>
    /// <exception cref="ProfileException">The folder is not a readable recording set.</exception>
    public RecordedTarget(AuthorizerProfile profile)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        var folder = profile.Function[Prefix.Length..];
        var full = Path.IsPathRooted(folder) ? folder : Path.Combine(profile.BaseDirectory, folder);
        try
        {
            _set = RecordingSet.Load(full);
        }
        catch (InputException e)
        {
            throw new ProfileException($"{profile.SourceFile ?? profile.Name}: $.function: {e.Message}", e);
        }
        var capabilities = new HashSet<string>(_set.Manifest.Capabilities.Where(TargetCapability.All.Contains), StringComparer.Ordinal);
        // A set recorded before passing-time was a capability of its own: time passed wherever the gateway was emulated.
        if (capabilities.Contains(TargetCapability.GatewayEmulation))
            capabilities.Add(TargetCapability.PassingTime);
        Capabilities = capabilities;
    }

    /// <inheritdoc />
    public string Name => Profile.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities { get; }

    /// <inheritdoc />
    public AuthorizerProfile Profile { get; }

    /// <summary>The recording set replayed.</summary>
    public RecordingSet Set => _set;

    /// <inheritdoc />
    public IAuthorizerFunction CreateFunction(TargetFunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        TargetApplicability.Check(Profile, request.Authorizer, request.ApiType);
        if (request.ScenarioId is null)
            throw new ScenarioNotApplicableException("The recorded target replays recorded scenarios of the conformance suite only (this run names no scenario).");
        if (!_set.Scenarios.TryGetValue(request.ScenarioId, out var recording))
            throw new ScenarioNotApplicableException($"The recording set {_set.Directory} has no recording of this scenario ({request.ScenarioId}); record it with AUTHZ_RECORD.");
        // The recorded log is the scenario's, written once however many of its authorizers replay.
        if (_logged.TryAdd(request.Log, new object()))
            request.Log.Write(recording.AuthorizerLog);
        return new RecordedAuthorizerFunction(recording, request.Authorizer.Name, request.Secrets);
    }
}
