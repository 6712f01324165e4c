using System.Text.Json.Serialization;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>The recording files' serializer: camelCase members, indented, nulls written; an unknown or missing member is an error.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ScenarioRecording))]
[JsonSerializable(typeof(RecordingManifest))]
[JsonSerializable(typeof(RecordedRequest))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;
