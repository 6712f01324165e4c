using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>Source-generated (de)serialization of the wire shapes. Unknown members are ignored: AWS adds members.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(TestInvokeAuthorizerRequest))]
[JsonSerializable(typeof(TestInvokeAuthorizerResponse))]
[JsonSerializable(typeof(Authorizer))]
[JsonSerializable(typeof(Authorizers))]
[JsonSerializable(typeof(RestApi))]
[JsonSerializable(typeof(RestApis))]
[JsonSerializable(typeof(Stage))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;
