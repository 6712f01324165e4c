using System.Text.Json.Serialization;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>The source-generated serializer context of the Runtime API host (STYLE 9).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class RuntimeApiJson : JsonSerializerContext;
