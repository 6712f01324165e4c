using System.Text.Json.Nodes;

namespace AuthorizerConformance.ApiImport;

/// <summary>How an API definition is imported: which API of a SAM template, and what function backs each authorizer.</summary>
public sealed record ApiImportOptions
{
    /// <summary>The default: the one API of the file; every authorizer's function is the authorizer under test.</summary>
    public static ApiImportOptions Default { get; } = new();

    /// <summary>
    /// The logical id of the API to import from a SAM template holding more than one (<c>PetsApi</c>, or the implicit
    /// <c>ServerlessRestApi</c>/<c>ServerlessHttpApi</c>); null when the template holds exactly one.
    /// </summary>
    public string? ApiName { get; init; }

    /// <summary>
    /// The function of an authorizer, by authorizer name, as the scenario file writes it (<c>{"kind": "scripted", …}</c>).
    /// An authorizer not named here is backed by the authorizer under test (<see cref="TargetFunctionKind"/>).
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject> Functions { get; init; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

    /// <summary>The function kind standing for the authorizer under test (StageSession.TargetKind in the harness).</summary>
    public const string TargetFunctionKind = "target";
}
