using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>What a scenario asks of the target for one of its authorizers.</summary>
/// <param name="Authorizer">The authorizer as the scenario's API configures it.</param>
/// <param name="ApiType">The API's type.</param>
/// <param name="Environment">The function's environment as the scenario set it (used by targets with
/// <see cref="TargetCapability.AuthorizerSettings"/>).</param>
/// <param name="WithoutKeys">The scenario wants the function as deployed without its secret and keys (UNA-2).</param>
/// <param name="TimeProvider">The scenario's clock (used by targets with <see cref="TargetCapability.ControlledClock"/>).</param>
/// <param name="Log">Where the function's log for this scenario goes.</param>
public sealed record TargetFunctionRequest(
    AuthorizerDefinition Authorizer,
    ApiType ApiType,
    IReadOnlyDictionary<string, string> Environment,
    bool WithoutKeys,
    TimeProvider TimeProvider,
    TextWriter Log)
{
    /// <summary>The scenario's id in a recording set (<see cref="Recording.RecordingIds"/>), or null outside the conformance suite.</summary>
    public string? ScenarioId { get; init; }

    /// <summary>The scenario's secrets and tokens so far (for redaction and fingerprints); empty when none are known.</summary>
    public Func<IReadOnlyCollection<string>> Secrets { get; init; } = () => [];

    /// <summary>The scenario wants the function as deployed with its secret variable present but empty and no other key
    /// (RFC 8725 §3.5: an empty HMAC key is no key; UNA-2).</summary>
    public bool EmptySecret { get; init; }

    /// <summary>Where the function reports what this scenario cannot see because of how an invocation went: a
    /// <see cref="TargetObservation"/> name and the reason (e.g. a test invoke whose execution log held no result line
    /// hides the context the authorizer returned). Null: nowhere.</summary>
    public Action<string, string>? Unobservable { get; init; }
}
