using System.Text.Json.Serialization;

namespace AuthorizerConformance.Gateway;

/// <summary>Source-generated serializer for the few values the gateway serializes directly.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
