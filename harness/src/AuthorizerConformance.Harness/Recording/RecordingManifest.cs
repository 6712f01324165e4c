namespace AuthorizerConformance.Harness.Recording;

/// <summary>
/// A recording set's <c>recording.json</c>: the target it was made against, that target's capabilities (the replay
/// offers the same) and the allow-lists of volatile fields that were removed (so the set documents its normalisation).
/// </summary>
public sealed record RecordingManifest(string Target, IReadOnlyList<string> Capabilities, IReadOnlyList<string> VolatileHeaders, IReadOnlyList<string> VolatileMembers);
