using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Stands in for the Reqnroll.xUnit3 runtime plugin. A test assembly opts in with
/// <c>[assembly: RuntimePlugin(typeof(XunitV3RuntimePlugin))]</c> (Reqnroll always scans the test assembly).
/// Without it Reqnroll looks for the unit-test provider named "nunit" and fails.
/// </summary>
public sealed class XunitV3RuntimePlugin : IRuntimePlugin
{
    /// <summary>The unit-test provider name this plugin registers.</summary>
    public const string ProviderName = "authorizer-conformance-xunit3";

    /// <inheritdoc />
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<XunitV3RuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
            // Real errors reach the reports with the scenario's secrets withheld (IFailureRedactor).
            e.ObjectContainer.RegisterTypeAs<RedactingBindingInvoker, IAsyncBindingInvoker>();
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<XunitV3TraceListener, ITraceListener>();
            // IReqnrollOutputHelper needs an attachment handler and Reqnroll core registers none.
            e.ObjectContainer.RegisterTypeAs<XunitV3AttachmentHandler, IReqnrollAttachmentHandler>();
            // The same matches, each distinct step line matched once (see the class).
            e.ObjectContainer.RegisterTypeAs<RememberingStepMatcher, IStepDefinitionMatchService>();
        };
    }
}
