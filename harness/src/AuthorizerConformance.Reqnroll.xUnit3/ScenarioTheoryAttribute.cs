using System.Collections.Concurrent;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// A theory whose rows (<see cref="ScenarioRows"/>) may run in parallel: xUnit runs the rows of one test method one
/// after another, and test collections in parallel, so a row that carries the <see cref="ScenarioRows.PartTrait"/> trait
/// with a part other than 1 is put into a test collection of its own part (the class and method stay the same, so
/// filters by class and method still select every row). Rows without the trait run as a plain theory's.
/// </summary>
[XunitTestCaseDiscoverer(typeof(ScenarioTheoryDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScenarioTheoryAttribute : TheoryAttribute
{
}

/// <summary>The discoverer of <see cref="ScenarioTheoryAttribute"/>: each row's test case in its part's test collection.</summary>
public sealed class ScenarioTheoryDiscoverer : TheoryDiscoverer
{
    private readonly ConcurrentDictionary<(string Method, string Part), IXunitTestMethod> _parts = new();

    /// <inheritdoc />
    protected override ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, ITheoryAttribute theoryAttribute,
        ITheoryDataRow dataRow, object?[] testMethodArguments, string? label)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(dataRow);
        if (dataRow.Traits is { } traits && traits.Remove(ScenarioRows.PartTrait, out var parts) && parts is { Count: 1 } && parts.Single() is var part && part != "1")
            testMethod = _parts.GetOrAdd((testMethod.UniqueID, part), key => InPart(testMethod, key.Part));
        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments, label);
    }

    private static IXunitTestMethod InPart(IXunitTestMethod method, string part)
    {
        var testClass = method.TestClass;
        var collection = new XunitTestCollection(testClass.TestCollection.TestAssembly, collectionDefinition: null,
            disableParallelization: false, $"{testClass.TestCollection.TestCollectionDisplayName} (part {part})");
        return new XunitTestMethod(new XunitTestClass(testClass.Class, collection), method.Method, method.TestMethodArguments);
    }
}
