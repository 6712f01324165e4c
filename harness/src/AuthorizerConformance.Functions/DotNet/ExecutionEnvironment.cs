using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// One warm execution environment of an in-process .NET function, as Lambda keeps one: the handler loaded (in its own
/// load context, so its statics are its own), its object made once, one invocation at a time. An invocation runs on
/// the thread pool under its deadline; every exception becomes Lambda's errorType/errorMessage, an overrun a timeout.
/// </summary>
internal sealed class ExecutionEnvironment
{
    private readonly BoundHandler _handler;
    private readonly object? _target;
    private readonly LambdaContextFactory? _contexts;
    private readonly TimeProvider _time;
    private Task? _running;

    private ExecutionEnvironment(BoundHandler handler, object? target, LambdaContextFactory? contexts, TimeProvider time)
    {
        _handler = handler;
        _target = target;
        _contexts = contexts;
        _time = time;
    }

    /// <summary>True while an invocation (finished or abandoned by its caller) is still running its handler.</summary>
    public bool IsRunning => _running is { IsCompleted: false };

    /// <exception cref="FunctionStartException">The handler cannot be loaded, bound or initialized.</exception>
    public static ExecutionEnvironment Create(HandlerSource source, DotNetHandlerString handlerString, LambdaFunctionSettings settings, TimeProvider time, string where)
    {
        var assembly = source.Load(where);
        LambdaLoggerHook.Install(assembly);
        var handler = LambdaHandlerBinder.Bind(assembly, handlerString, where);
        var contexts = handler.ContextType is { } contextType
            ? new LambdaContextFactory(contextType, settings, handler.Serializer?.Instance, time, where)
            : null;
        return new ExecutionEnvironment(handler, handler.CreateTarget(where), contexts, time);
    }

    public async Task<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, TextWriter writer, CancellationToken cancellationToken)
    {
        var log = new InvocationLog(writer);
        var bytes = eventJson.ToArray();
        var context = _contexts?.Create(Guid.NewGuid().ToString(), TraceId(), _time.GetUtcNow() + timeout);
        Task<ResponseBuffer> run;
        var outer = InvocationLog.Current;
        InvocationLog.Current = log; // flows into the handler's execution context, and everything it starts
        try
        {
            run = Task.Run(() => _handler.InvokeAsync(_target, bytes, context), CancellationToken.None);
        }
        finally
        {
            InvocationLog.Current = outer;
        }
        _running = run;
        try
        {
            using var response = await run.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            return response.Overflowed
                ? new AuthorizerInvocation.FunctionError(
                    $"Response payload size ({response.Written} bytes) exceeded maximum allowed payload size ({ResponseBuffer.MaxBytes} bytes).", "Function.ResponseSizeTooLarge")
                : new AuthorizerInvocation.Returned(response.ToArray());
        }
        catch (TimeoutException e) when (!ReferenceEquals(e, run.Exception?.InnerException))
        {
            Observe(run);
            return new AuthorizerInvocation.TimedOut(timeout);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(run);
            throw;
        }
#pragma warning disable CA1031 // Lambda turns every exception of the handler into a function error; so do we.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Lambda's .NET runtime: errorType is the exception type's simple name, errorMessage its Message
            // (RuntimeSupport ExceptionInfo); an awaited Task rethrows its first exception, not an AggregateException.
            return new AuthorizerInvocation.FunctionError(e.Message, e.GetType().Name);
        }
        finally
        {
            log.Close();
        }
    }

    // An abandoned invocation's eventual exception is nobody's to see; observe it so it is not reported as unobserved.
    private static void Observe(Task run) =>
        run.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    // X-Ray's trace header shape: Root=1-<epoch seconds, 8 hex>-<24 hex>.
    private string TraceId() =>
        $"Root=1-{_time.GetUtcNow().ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..40] + ";Sampled=0";
}
