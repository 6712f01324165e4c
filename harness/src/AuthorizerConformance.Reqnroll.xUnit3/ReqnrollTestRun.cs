using System.Reflection;
using Reqnroll;
using Xunit;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// The xunit.v3 assembly fixture that starts and ends the Reqnroll test run (BeforeTestRun/AfterTestRun hooks,
/// AfterFeature for every feature, and the formatters writing their reports). A test assembly registers its
/// subclass with <c>[assembly: AssemblyFixture(typeof(...))]</c>; the subclass names the assembly.
/// </summary>
public abstract class ReqnrollTestRun : IAsyncLifetime
{
    private readonly Assembly _testAssembly;

    protected ReqnrollTestRun(Assembly testAssembly) => _testAssembly = testAssembly;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => await TestRunnerManager.OnTestRunStartAsync(_testAssembly).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var file in FeatureCatalog.For(_testAssembly).Files)
        {
            if (file.FeatureInfo is { } feature)
                await TestRunnerManager.ReleaseFeatureAsync(feature, _testAssembly).ConfigureAwait(false);
        }
        await TestRunnerManager.OnTestRunEndAsync(_testAssembly).ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
