using System.Globalization;
using System.Text.RegularExpressions;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.RuntimeApi;

internal sealed partial class ExecutionEnvironment
{
    private const string Prefix = "/2018-06-01/runtime/";

    private Invocation? _queued;
    private Invocation? _current;
    private TaskCompletionSource<Invocation>? _waitingNext;
    private string? _lastAnswered;
    private AuthorizerInvocation.FunctionError? _initError;
    private string? _functionArn;

    /// <summary>Hands <paramref name="invocation"/> to a parked <c>/next</c>, or keeps it for the next one.</summary>
    private void Enqueue(Invocation invocation)
    {
        TaskCompletionSource<Invocation>? waiting;
        lock (_gate)
        {
            if (_initError is { } initError)
            {
                invocation.Completed.TrySetResult(initError);
                return;
            }
            waiting = _waitingNext;
            _waitingNext = null;
            if (waiting is null)
                _queued = invocation;
        }
        waiting?.TrySetResult(invocation);
    }

    /// <summary>Takes back an invocation no <c>/next</c> has taken yet; false when one took it meanwhile.</summary>
    private bool Withdraw(Invocation invocation)
    {
        lock (_gate)
        {
            if (_queued == invocation)
                _queued = null;
            return !ReferenceEquals(_current, invocation) && !invocation.Delivered.Task.IsCompleted;
        }
    }

    private async ValueTask<RuntimeApiResponse> NextAsync(RuntimeApiRequest request, CancellationToken cancellationToken)
    {
        Task<Invocation> next;
        lock (_gate)
        {
            if (_current is { } inFlight)
            {
                // RIE core/states.go: a second /next while an invocation is in flight gets the same event again.
                return Deliver(inFlight);
            }
            if (_initError is not null)
                return RuntimeApiResponse.InvalidState("InitError", "Ready");
            _initialized.TrySetResult();
            if (_queued is { } queued)
            {
                _queued = null;
                _current = queued;
                return Deliver(queued);
            }
            // Continuations run inline: the invoking thread hands the event over itself (a non-blocking socket send)
            // instead of waking a thread-pool thread for it.
            _waitingNext = new();
            next = _waitingNext.Task;
        }
        var invocation = await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (request.PeerClosed())
            {
                // The runtime went away while parked on /next: the event stays queued, and the process's exit hands it
                // to a fresh environment instead of blaming this invocation for a crash it never saw.
                _queued = invocation;
                return RuntimeApiResponse.Error(500, "InternalServerError", "the runtime closed the connection", close: true);
            }
            _current = invocation;
        }
        return Deliver(invocation);
    }

    private RuntimeApiResponse Deliver(Invocation invocation)
    {
        if (!invocation.Delivered.Task.IsCompleted)
        {
            var now = _time.GetUtcNow();
            invocation.DeadlineMs = (now + _info.Timeout).ToUnixTimeMilliseconds();
            invocation.TraceId = LambdaEnvironment.NewTraceId(now);
        }
        var response = new RuntimeApiResponse(200, invocation.EventJson,
        [
            new("Lambda-Runtime-Aws-Request-Id", invocation.RequestId),
            new("Lambda-Runtime-Deadline-Ms", invocation.DeadlineMs.ToString(CultureInfo.InvariantCulture)),
            new("Lambda-Runtime-Invoked-Function-Arn", _functionArn ??= LambdaEnvironment.FunctionArn(_command.Name)),
            new("Lambda-Runtime-Trace-Id", invocation.TraceId),
        ]);
        invocation.Delivered.TrySetResult();
        return response;
    }

    /// <summary>POST …/invocation/{id}/response and …/{id}/error: the answer to the invocation in flight.</summary>
    private RuntimeApiResponse Answer(string requestId, RuntimeApiRequest request, bool error)
    {
        Invocation invocation;
        lock (_gate)
        {
            if (_current is null || _current.RequestId != requestId)
            {
                var refused = requestId == _lastAnswered ? RuntimeApiResponse.InvalidState("InvocationResponseSent", error ? "InvocationErrorResponse" : "InvocationResponse") : RuntimeApiResponse.InvalidRequestId;
                _log.Platform($"[runtime-api] {request} refused with {refused.Status}: {(requestId == _lastAnswered ? "this invocation was already answered" : "no invocation with this request id is in flight")}");
                return refused;
            }
            invocation = _current;
            _current = null;
            _lastAnswered = requestId;
        }
        invocation.LogBytes = request.Header(ProcessLog.LogBytesHeader);
        if (request.Body is null)
        {
            // RIE invocationresponse.go: the runtime gets 413; the caller gets Function.ResponseSizeTooLarge.
            invocation.Completed.TrySetResult(LambdaFaults.TooLarge(request.BodyLength, request.BodyLengthIsLowerBound, _limits.MaxPayloadBytes));
            return RuntimeApiResponse.Error(413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({_limits.MaxPayloadBytes} bytes).");
        }
        invocation.Completed.TrySetResult(error ? ErrorReport.Read(request) : new AuthorizerInvocation.Returned(request.Body));
        return RuntimeApiResponse.Accepted;
    }

    private RuntimeApiResponse InitError(RuntimeApiRequest request)
    {
        Invocation? waiting;
        lock (_gate)
        {
            if (_initialized.Task.IsCompleted || _initError is not null)
            {
                _log.Platform($"[runtime-api] {request} refused with 403: init already ended");
                return RuntimeApiResponse.InvalidState(_initError is null ? "Ready" : "InitError", "InitError");
            }
            _initError = request.Body is null
                ? LambdaFaults.TooLarge(request.BodyLength, request.BodyLengthIsLowerBound, _limits.MaxPayloadBytes)
                : ErrorReport.Read(request);
            waiting = _queued;
            _queued = null;
        }
        waiting?.Completed.TrySetResult(_initError);
        return RuntimeApiResponse.Accepted;
    }

    [GeneratedRegex(@"^invocation/([^/]{1,128})/(response|error)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AnswerPath();

    private sealed class Handler(ExecutionEnvironment environment) : IRuntimeApiHandler
    {
        public async ValueTask<RuntimeApiResponse> HandleAsync(RuntimeApiRequest request, CancellationToken cancellationToken)
        {
            var query = request.Path.IndexOf('?', StringComparison.Ordinal);
            var path = query < 0 ? request.Path : request.Path[..query];
            var route = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : null;
            if (route == "invocation/next")
                return request.Method == "GET" ? await environment.NextAsync(request, cancellationToken).ConfigureAwait(false) : NotAllowed(request);
            if (route == "init/error")
                return request.Method == "POST" ? environment.InitError(request) : NotAllowed(request);
            if (route is not null && AnswerPath().Match(route) is { Success: true } answer)
                return request.Method == "POST" ? environment.Answer(answer.Groups[1].Value, request, answer.Groups[2].Value == "error") : NotAllowed(request);
            environment._log.Platform($"[runtime-api] {RuntimeApiConnection.Printable(request.ToString())} refused with 404: not a Runtime API 2018-06-01 route");
            return RuntimeApiResponse.Error(404, "NotFound", $"no route {RuntimeApiConnection.Printable(path)}; the Runtime API is /2018-06-01/runtime/...");
        }

        private RuntimeApiResponse NotAllowed(RuntimeApiRequest request)
        {
            environment._log.Platform($"[runtime-api] {RuntimeApiConnection.Printable(request.ToString())} refused with 405");
            return RuntimeApiResponse.Error(405, "MethodNotAllowed", $"{RuntimeApiConnection.Printable(request.Method)} is not allowed here");
        }

        public void OnProtocolFault(RuntimeApiProtocolException fault) => environment.ProtocolFault(fault);
    }

    private void ProtocolFault(RuntimeApiProtocolException fault)
    {
        var what = fault.Request is { } request ? $"{RuntimeApiConnection.Printable(request.ToString())}: " : "";
        _log.Platform($"[runtime-api] malformed request, {what}{fault.Message}{(fault.Reply is { } reply ? $"; answered {reply.Status} and closed the connection" : "")}");
        if (fault.Request is null || AnswerPath().Match(fault.Request.Path.Split('?', 2)[0].Replace(Prefix, "", StringComparison.Ordinal)) is not { Success: true } answer)
            return;
        Invocation? invocation;
        lock (_gate)
        {
            invocation = _current?.RequestId == answer.Groups[1].Value ? _current : null;
            if (invocation is null)
                return;
            _current = null;
            _lastAnswered = invocation.RequestId;
        }
        invocation.Completed.TrySetResult(new AuthorizerInvocation.FunctionError(
            $"RequestId: {invocation.RequestId} Error: the runtime's {answer.Groups[2].Value} did not arrive whole: {fault.Message}", LambdaFaults.TruncatedResponse));
    }
}
