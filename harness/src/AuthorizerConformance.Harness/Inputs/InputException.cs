namespace AuthorizerConformance.Harness.Inputs;

/// <summary>An input that cannot be read within its bounds (too large, not UTF-8, missing): the message names it.</summary>
public sealed class InputException : Exception
{
    /// <summary>An input problem described by <paramref name="message"/>.</summary>
    public InputException(string message) : base(message)
    {
    }

    /// <summary>For serializers and analyzers.</summary>
    public InputException()
    {
    }

    /// <summary>An input problem with its cause.</summary>
    public InputException(string message, Exception inner) : base(message, inner)
    {
    }
}
