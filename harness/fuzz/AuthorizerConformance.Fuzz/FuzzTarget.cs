namespace AuthorizerConformance.Fuzz;

/// <summary>
/// One parser under fuzzing: a total function from input bytes to a <see cref="FuzzVerdict"/>. A target checks the
/// parser's own invariants too (a round trip, a redaction that must hide a signature); a broken invariant throws
/// <see cref="FuzzInvariantException"/>, which the fuzzer records as a crash like any other escaping exception.
/// </summary>
/// <param name="Name">The target's name on the command line and its corpus folder (<c>corpus/&lt;name&gt;</c>).</param>
/// <param name="Parser">The code under test, for people.</param>
/// <param name="Classify">Reads one input.</param>
public sealed record FuzzTarget(string Name, string Parser, Func<byte[], FuzzVerdict> Classify);
