using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness;

/// <summary>
/// Runs a .NET authorizer in this process the way the Lambda service runs a Stream handler: the event JSON is
/// handed over as a stream, the returned stream is the response JSON, and an exception becomes a function
/// error carrying its message and type name (Lambda's <c>errorMessage</c>/<c>errorType</c>).
/// </summary>
public sealed class InProcessAuthorizerFunction : IAuthorizerFunction
{
    private readonly Func<Stream, Task<Stream>> _handler;
    private readonly TimeProvider _timeProvider;

    public InProcessAuthorizerFunction(Func<Stream, Task<Stream>> handler, TimeProvider timeProvider)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc />
    public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(eventJson.ToArray(), writable: false);
        Task<Stream> call;
        try
        {
            call = _handler(input);
        }
#pragma warning disable CA1031 // Lambda turns every exception of the handler into a function error; so do we.
        catch (Exception e)
        {
            return AsFunctionError(e);
        }
        try
        {
            await using var output = await call.WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            using var copy = new MemoryStream();
            await output.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            return new AuthorizerInvocation.Returned(copy.ToArray());
        }
        catch (TimeoutException)
        {
            return new AuthorizerInvocation.TimedOut(timeout);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return AsFunctionError(e);
        }
#pragma warning restore CA1031
    }

    private static AuthorizerInvocation.FunctionError AsFunctionError(Exception e) =>
        new(e.Message, e.GetType().Name);
}
