namespace AuthorizerConformance.Reqnroll.xUnit3.Fixtures.Bindings;

/// <summary>Shared per-scenario state, injected into several binding classes (context injection).</summary>
public sealed class CalculatorContext
{
    public List<int> Entered { get; } = [];
    public int? Result { get; set; }
    public string? StartedScenario { get; set; }
}

public sealed class DocumentStore
{
    public Dictionary<string, string> Documents { get; } = [];
    public bool TagScopedHookRan { get; set; }
}

/// <summary>A custom type produced by a [StepArgumentTransformation].</summary>
public sealed record Money(string Currency, int Amount);

/// <summary>A number written as a word, produced by a custom Cucumber-expression parameter type.</summary>
public sealed record WordNumber(int Value);
