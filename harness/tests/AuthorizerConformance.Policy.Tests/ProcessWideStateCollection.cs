namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// Tests that change process-wide state for good (filling <see cref="Conditions.ConditionClauseTable"/>): xUnit runs
/// this collection alone, after every parallel collection, so no other test sees the state change or races it.
/// </summary>
[CollectionDefinition(nameof(ProcessWideStateCollection), DisableParallelization = true)]
public sealed class ProcessWideStateCollection;
