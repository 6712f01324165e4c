using System.Text;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>
/// One scenario's authorizer, replayed from its recording: the n-th call answers as the n-th recorded call of that
/// authorizer did, when the event's fingerprint is the recorded one. Anything else is a stale recording and throws
/// (the scenario fails with the reason), never a made-up answer.
/// </summary>
public sealed class RecordedAuthorizerFunction(ScenarioRecording recording, string authorizer, Func<IReadOnlyCollection<string>> secrets) : IAuthorizerFunction
{
    private readonly List<RecordedCall> _calls = [.. recording.Calls.Where(c => c.Authorizer == authorizer)];
    private int _next;

    /// <inheritdoc />
    public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= _calls.Count)
            throw new InvalidOperationException($"The recording of {recording.Id} has {_calls.Count} call(s) of authorizer {authorizer}; this run makes call {index + 1}. Record the scenario again.");
        var call = _calls[index];
        var fingerprint = RecordingNormalizer.Fingerprint(Encoding.UTF8.GetString(eventJson.Span), secrets());
        if (fingerprint != call.EventFingerprint)
            throw new InvalidOperationException($"The event of call {call.Ordinal} of {recording.Id} (authorizer {authorizer}) is not the recorded one " +
                $"(fingerprint {fingerprint}, recorded {call.EventFingerprint}). Record the scenario again.");
        AuthorizerInvocation outcome = call.Outcome switch
        {
            RecordedCall.Returned => new AuthorizerInvocation.Returned(Encoding.UTF8.GetBytes(call.Output ?? "")),
            RecordedCall.Error => new AuthorizerInvocation.FunctionError(call.ErrorMessage ?? "", call.ErrorType ?? ""),
            RecordedCall.TimedOut => new AuthorizerInvocation.TimedOut(TimeSpan.FromSeconds(call.TimeoutSeconds ?? timeout.TotalSeconds)),
            _ => throw new InvalidOperationException($"The recording of {recording.Id} call {call.Ordinal} has the unknown outcome \"{call.Outcome}\"."),
        };
        return ValueTask.FromResult(outcome);
    }
}
