namespace Amazon.Lambda.Core;

/// <summary>Look-alike of the real interface.</summary>
public interface ILambdaSerializer
{
    T Deserialize<T>(Stream requestStream);

    void Serialize<T>(T response, Stream responseStream);
}
