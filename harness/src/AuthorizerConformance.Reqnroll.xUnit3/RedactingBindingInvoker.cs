using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit.Sdk;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Runs every step and hook through Reqnroll's own invoker; when one throws a real error whose message or stack trace
/// holds a secret (as the scenario's <see cref="IFailureRedactor"/> sees it), the error goes on as a
/// <see cref="RedactedErrorException"/> with the same frames and the secret withheld. Expectation failures, skips and
/// Reqnroll's own exceptions (pending, undefined, binding errors) pass through untouched.
/// </summary>
public sealed class RedactingBindingInvoker(BindingInvoker inner) : IAsyncBindingInvoker
{
    /// <inheritdoc />
    public async Task<object> InvokeBindingAsync(IBinding binding, IContextManager contextManager, object[] arguments, ITestTracer testTracer,
        DurationHolder durationHolder)
    {
        try
        {
            return await inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder).ConfigureAwait(false);
        }
        catch (Exception e) when (Redacted(e, contextManager) is { } redacted)
        {
            throw redacted;
        }
    }

    private static RedactedErrorException? Redacted(Exception error, IContextManager contextManager)
    {
        if (error is ExpectationFailedException or SkipException or RedactedErrorException
            || error.GetType().Namespace?.StartsWith("Reqnroll", StringComparison.Ordinal) == true)
            return null;
        var container = contextManager?.ScenarioContext?.ScenarioContainer;
        if (container is null || !container.IsRegistered<IFailureRedactor>())
            return null;
        var redactor = container.Resolve<IFailureRedactor>();
        var message = redactor.Redact(error.Message);
        var stackTrace = error.StackTrace is { } frames ? redactor.Redact(frames) : null;
        return message == error.Message && stackTrace == error.StackTrace ? null : new RedactedErrorException(error.GetType().FullName ?? error.GetType().Name, message, stackTrace);
    }
}
