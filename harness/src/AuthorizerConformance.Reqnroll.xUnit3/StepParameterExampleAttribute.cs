namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// An example value of a custom Cucumber-expression parameter type, put on its <c>[StepArgumentTransformation]</c>
/// method: "did you mean" suggestions show step lines with examples filled in (<c>{method}</c> → <c>GET</c>), so a
/// QA engineer can copy them as they are.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StepParameterExampleAttribute(string example) : Attribute
{
    /// <summary>The text written in a step for this parameter type.</summary>
    public string Example { get; } = example;
}
