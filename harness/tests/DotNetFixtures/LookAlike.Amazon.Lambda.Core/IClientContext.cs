namespace Amazon.Lambda.Core;

/// <summary>Look-alike of the real interface.</summary>
public interface IClientContext
{
    IDictionary<string, string> Environment { get; }

    IClientApplication Client { get; }

    IDictionary<string, string> Custom { get; }
}
