namespace AuthorizerConformance.Fuzz;

/// <summary>A parser broke one of its own invariants on a fuzz input (a finding, reported as a crash).</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>An invariant broke.</summary>
    public FuzzInvariantException() : base("a fuzz invariant broke") { }

    /// <summary>The invariant that broke, described.</summary>
    public FuzzInvariantException(string message) : base(message) { }

    /// <summary>The invariant that broke, described, and why.</summary>
    public FuzzInvariantException(string message, Exception inner) : base(message, inner) { }
}
