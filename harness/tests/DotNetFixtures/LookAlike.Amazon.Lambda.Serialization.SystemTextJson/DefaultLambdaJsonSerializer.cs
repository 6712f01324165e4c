using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson;

/// <summary>
/// Look-alike of the real serializer: System.Text.Json with case-insensitive reading, nulls omitted on writing, and
/// every failure wrapped in <see cref="JsonSerializerException"/> with the real one's message shape.
/// </summary>
public class DefaultLambdaJsonSerializer : ILambdaSerializer
{
    public DefaultLambdaJsonSerializer()
        : this(null)
    {
    }

    public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
    {
        SerializerOptions = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
        };
        customizer?.Invoke(SerializerOptions);
    }

    protected JsonSerializerOptions SerializerOptions { get; }

    public T Deserialize<T>(Stream requestStream)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(requestStream, SerializerOptions);
        }
        catch (Exception e)
        {
            throw new JsonSerializerException($"Error converting the Lambda event JSON payload to type {typeof(T).FullName}: {e.Message}", e);
        }
    }

    public void Serialize<T>(T response, Stream responseStream)
    {
        try
        {
            JsonSerializer.Serialize(responseStream, response, SerializerOptions);
        }
        catch (Exception e)
        {
            throw new JsonSerializerException($"Error converting the response object of type {typeof(T).FullName} from the Lambda function to JSON: {e.Message}", e);
        }
    }
}
