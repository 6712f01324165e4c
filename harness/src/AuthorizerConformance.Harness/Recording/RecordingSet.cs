using System.Text.Json;
using AuthorizerConformance.Harness.Inputs;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>
/// A folder of recordings (<see cref="ScenarioRecorder"/>): read strictly (an unknown member is an error naming the file,
/// line and JSON path), and compared with another set listing every difference, not the first.
/// </summary>
public sealed class RecordingSet
{
    /// <summary>A recording file larger than this is refused (a scenario's recording is a few KB).</summary>
    public const int MaxFileBytes = 4 << 20;

    private RecordingSet(string directory, RecordingManifest manifest, IReadOnlyDictionary<string, ScenarioRecording> scenarios)
    {
        Directory = directory;
        Manifest = manifest;
        Scenarios = scenarios;
    }

    /// <summary>The set's folder.</summary>
    public string Directory { get; }

    /// <summary>The set's manifest.</summary>
    public RecordingManifest Manifest { get; }

    /// <summary>Every recorded scenario by id.</summary>
    public IReadOnlyDictionary<string, ScenarioRecording> Scenarios { get; }

    /// <summary>The file of scenario <paramref name="id"/> in the set at <paramref name="directory"/>.</summary>
    public static string PathOf(string directory, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Split('/').Any(part => part.Length == 0 || part.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))))
            throw new ArgumentException($"not a recording id: \"{id}\"", nameof(id));
        return Path.Combine([directory, .. id.Split('/')]) + ".json";
    }

    /// <summary>Reads the set at <paramref name="directory"/>.</summary>
    /// <exception cref="InputException">The folder or its manifest is missing, or a file is not a recording (file:line: JSON path).</exception>
    public static RecordingSet Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        var manifestFile = Path.Combine(full, ScenarioRecorder.ManifestFile);
        if (!File.Exists(manifestFile))
            throw new InputException($"{directory}: not a recording set (no {ScenarioRecorder.ManifestFile}; record one with authz run --record {directory} or {ScenarioRecorder.EnvironmentVariable}={directory})");
        var manifest = Read(manifestFile, RecordingJsonContext.Default.RecordingManifest);
        var scenarios = new SortedDictionary<string, ScenarioRecording>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(full, "*.json", SearchOption.AllDirectories).Where(f => f != manifestFile))
        {
            var recording = Read(file, RecordingJsonContext.Default.ScenarioRecording);
            if (PathOf(full, recording.Id) != file)
                throw new InputException($"{file}: $.id: \"{recording.Id}\" belongs in {PathOf(full, recording.Id)}");
            scenarios[recording.Id] = recording;
        }
        return new RecordingSet(full, manifest, scenarios);
    }

    /// <summary>Every difference between the <paramref name="expected"/> recordings and the <paramref name="actual"/> ones, one line each.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, ScenarioRecording> expected, IReadOnlyDictionary<string, ScenarioRecording> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        foreach (var id in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(id, out var a))
                differences.Add($"{id}: recorded, but not in this run");
            else if (!expected.TryGetValue(id, out var e))
                differences.Add($"{id}: in this run, but not recorded");
            else
                differences.AddRange(RecordingComparison.Differences(e, a).Select(d => $"{id}: {d}"));
        }
        return differences;
    }

    private static T Read<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var text = BoundedInput.ReadFile(file, MaxFileBytes, "recording");
        try
        {
            return JsonSerializer.Deserialize(text, type) ?? throw new InputException($"{file}:1: $: must be an object, found null");
        }
        catch (JsonException e)
        {
            throw new InputException($"{file}:{(e.LineNumber ?? 0) + 1}: {e.Path ?? "$"}: {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
