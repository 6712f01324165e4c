using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;
using Xunit.Sdk;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>Maps Reqnroll's pending, inconclusive and ignore outcomes onto xunit.v3: pending and inconclusive fail.</summary>
public sealed class XunitV3RuntimeProvider : IUnitTestRuntimeProvider
{
    /// <inheritdoc />
    public void TestPending(string message) => throw new ScenarioFailedException("Pending: " + message);

    /// <inheritdoc />
    public void TestInconclusive(string message) => throw new ScenarioFailedException("Inconclusive: " + message);

    /// <inheritdoc />
    public void TestIgnore(string message) => Assert.Skip(message);

    /// <inheritdoc />
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is SkipException ? ScenarioExecutionStatus.Skipped : null;
}
