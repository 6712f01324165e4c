namespace Amazon.Lambda.Serialization.SystemTextJson;

/// <summary>Look-alike of the real exception: what a (de)serialization failure throws.</summary>
public class JsonSerializerException : Exception
{
    public JsonSerializerException(string message) : base(message) { }

    public JsonSerializerException(string message, Exception exception) : base(message, exception) { }
}
