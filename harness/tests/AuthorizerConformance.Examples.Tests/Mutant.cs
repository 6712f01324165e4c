namespace AuthorizerConformance.Examples.Tests;

/// <summary>
/// One entry of the mutant catalogue. A Node entry (node/mutants.json) is the correct authorizer with one textual patch
/// (<see cref="Find"/> occurs exactly once in it and becomes <see cref="Replace"/>); a .NET entry (dotnet/mutants.json)
/// names the <see cref="Type"/> of Fixtures.DotNetMutants to run in process: the correct authorizer or a subclass that
/// overrides exactly one of its members.
/// </summary>
public sealed record Mutant(string Id, string Kind, string Runtime, string Base, string Defect, string Find, string Replace, string? Type, string? Reading)
{
    /// <summary>A mutant must fail the suite; a correct variant or harmless variation must pass it.</summary>
    public bool MustFail => Kind == "mutant";

    /// <summary>The id of the correct variant this entry is a copy of.</summary>
    public string BaseId => (Runtime == "node" ? "correct-" : "dotnet-correct-") + Base;
}
