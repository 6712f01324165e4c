namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// The step checks <see cref="Observation"/> (a <see cref="Harness.Targets.TargetObservation"/> name) whatever it is
/// given: its body starts with <c>stage.Observe(…)</c> for it, and <c>ObservesAttributeTests</c> keeps the two in step.
/// Read before a scenario waits in real time on a deployed stage: a scenario that would only be skipped after the wait
/// is skipped before it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ObservesAttribute(string observation) : Attribute
{
    /// <summary>The <see cref="Harness.Targets.TargetObservation"/> name the step checks.</summary>
    public string Observation { get; } = observation;
}
