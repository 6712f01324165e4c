namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// A token the scenario built: its text (a secret of this run, redacted wherever it is printed), the plan it came
/// from as it was then, and the scenario time it was built at (so a reproduction can mint the same token again).
/// </summary>
public sealed record BuiltToken(string Text, TokenPlan Plan, DateTimeOffset At);
