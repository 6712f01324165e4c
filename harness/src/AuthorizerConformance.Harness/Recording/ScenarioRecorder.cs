using System.Globalization;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Targets.Deployed;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>
/// Writes recordings: <c>--record DIR</c> on <c>authz run</c>, <see cref="EnvironmentVariable"/> (AUTHZ_RECORD) for
/// <c>dotnet test</c>. One file per scenario (<c>DIR/&lt;id&gt;.json</c>) and the set's <c>recording.json</c>. Every
/// text is redacted with the run's secrets and tokens and normalised (<see cref="RecordingNormalizer"/>) before it is
/// written; a token, a key or any part of a token that verifies is never written.
/// </summary>
public static class ScenarioRecorder
{
    /// <summary>The folder a <c>dotnet test</c> run records into (relative to the directory it was started in).</summary>
    public const string EnvironmentVariable = "AUTHZ_RECORD";

    // Files people read and diff: quotes and < > as themselves, not \u0022 (the texts are redacted; nothing is embedded in HTML).
    private static readonly JsonSerializerOptions Readable = new(RecordingJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The set's manifest file.</summary>
    public const string ManifestFile = "recording.json";

    /// <summary>The recording of one scenario's session.</summary>
    /// <param name="session">The scenario's stage: what it sent, got and called.</param>
    /// <param name="id">The scenario's id (<see cref="RecordingIds"/>).</param>
    /// <param name="scenario">The scenario's name for people.</param>
    /// <param name="secrets">The scenario's secrets and tokens (the run's keys, the tokens it built, secret settings); the same
    /// set the replay fingerprints events with (<see cref="StageSession.Secrets"/>). The requests' identity values are added
    /// for what is stored, not for fingerprints (a replay does not know the current request's yet).</param>
    public static ScenarioRecording Record(StageSession session, string id, string scenario, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(secrets);
        var all = secrets.Concat(session.Results.SelectMany(r => r.IdentityValues)).Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
        var exchanges = new List<RecordedExchange>();
        for (var i = 0; i < session.Sent.Count && i < session.Results.Count; i++)
            exchanges.Add(Exchange(i + 1, session.Sent[i], session.Results[i], all, secrets));
        var calls = session.Calls.Select((c, i) => Call(i + 1, c, all, secrets)).ToList();
        return new ScenarioRecording(id, Redaction.Redact(scenario, all), exchanges, calls, Redaction.Redact(session.AuthorizerLog, all));
    }

    /// <summary>Writes <paramref name="recording"/> into the set at <paramref name="directory"/>, and the set's manifest for <paramref name="target"/>.</summary>
    public static void Write(string directory, ScenarioRecording recording, IConformanceTarget target)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(target);
        var file = RecordingSet.PathOf(directory, recording.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(recording, Readable.GetTypeInfo(typeof(ScenarioRecording))) + "\n");
        var manifest = new RecordingManifest(target.Name, [.. target.Capabilities.Order(StringComparer.Ordinal)],
            [.. StageSnapshot.VolatileHeaders.Order(StringComparer.Ordinal)], [.. RecordingNormalizer.VolatileMembers.Order(StringComparer.Ordinal)]);
        var manifestText = JsonSerializer.Serialize(manifest, Readable.GetTypeInfo(typeof(RecordingManifest))) + "\n";
        var manifestFile = Path.Combine(directory, ManifestFile);
        // Every scenario of a run writes the same manifest; write it once, and never leave half a file for a reader.
        if (!File.Exists(manifestFile) || File.ReadAllText(manifestFile) != manifestText)
        {
            var temporary = manifestFile + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, manifestText);
            File.Move(temporary, manifestFile, overwrite: true);
        }
    }

    /// <summary>The fingerprint of a client request (method, path, query, headers, body, source address; tokens masked).</summary>
    public static string Fingerprint(ClientRequest request, IReadOnlyCollection<string> secrets) =>
        RecordingNormalizer.Fingerprint(JsonSerializer.Serialize(Request(request, secrets), RecordingJsonContext.Default.RecordedRequest), secrets);

    private static RecordedExchange Exchange(int ordinal, SentRequest sent, GatewayResult result, IReadOnlyCollection<string> secrets,
        IReadOnlyCollection<string> fingerprintSecrets)
    {
        var request = Request(sent.Request, secrets);
        return new RecordedExchange(ordinal, Math.Round(sent.At.TotalSeconds, 3), request, Fingerprint(sent.Request, fingerprintSecrets), result.Status,
            RecordingNormalizer.Headers(result.Headers, secrets), Redaction.Redact(result.Body, secrets), result.AuthorizerInvoked, result.CacheHit,
            result.Integration.RequestContext is { } context ? RecordingNormalizer.Json(context, secrets) : null);
    }

    // Redacted, then every token masked whole (what redaction keeps of a token, its header and payload, differs between
    // runs with their own keys): a recorded request reads "Bearer <token>".
    private static RecordedRequest Request(ClientRequest request, IReadOnlyCollection<string> secrets) =>
        new(request.Method, request.Path, Safe(request.Query, secrets),
            [.. request.Headers.Select(h => new RecordedHeader(h.Key, Safe(h.Value, secrets)))],
            request.Body is null ? null : Safe(request.Body, secrets), request.SourceIp);

    private static string Safe(string text, IReadOnlyCollection<string> secrets) => RecordingNormalizer.Masked(Redaction.Redact(text, secrets));

    private static RecordedCall Call(int ordinal, AuthorizerCall call, IReadOnlyCollection<string> secrets, IReadOnlyCollection<string> fingerprintSecrets)
    {
        var fingerprint = RecordingNormalizer.Fingerprint(call.Event, fingerprintSecrets);
        return call.Outcome switch
        {
            AuthorizerInvocation.Returned r => new RecordedCall(ordinal, call.Authorizer, fingerprint, RecordedCall.Returned,
                Redaction.Redact(Encoding.UTF8.GetString(r.ResponseJson.Span), secrets), null, null, null),
            AuthorizerInvocation.FunctionError e => new RecordedCall(ordinal, call.Authorizer, fingerprint, RecordedCall.Error, null,
                Redaction.Redact(e.Message, secrets), e.Type, null),
            AuthorizerInvocation.TimedOut t => new RecordedCall(ordinal, call.Authorizer, fingerprint, RecordedCall.TimedOut, null, null, null,
                double.Parse(t.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"unknown outcome {call.Outcome.GetType().Name}"),
        };
    }
}
