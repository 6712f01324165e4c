using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>Source-generated (reflection-free, trimming-safe) serializer for the authorizer wire shapes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerRequest))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2Request))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2SimpleResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2IamResponse))]
[JsonSerializable(typeof(LambdaError))]
public sealed partial class APIGatewayEventsJsonContext : JsonSerializerContext;
