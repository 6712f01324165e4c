using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson;

/// <summary>Look-alike of the real camel-case serializer.</summary>
public class CamelCaseLambdaJsonSerializer : DefaultLambdaJsonSerializer
{
    public CamelCaseLambdaJsonSerializer()
        : base(options => options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase)
    {
    }
}
