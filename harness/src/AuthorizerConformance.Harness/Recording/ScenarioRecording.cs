namespace AuthorizerConformance.Harness.Recording;

/// <summary>The recording of one scenario (one file of a recording set): its requests and what came out, and its authorizer calls.</summary>
/// <param name="Id">The scenario's id (<see cref="RecordingIds"/>), also its file's path in the set.</param>
/// <param name="Scenario">The scenario's name for people: feature, title, example values.</param>
/// <param name="Requests">Every request in order.</param>
/// <param name="Calls">Every authorizer call in order.</param>
/// <param name="AuthorizerLog">What the authorizer under test logged during the scenario, redacted (a replay logs it again).</param>
public sealed record ScenarioRecording(string Id, string Scenario, IReadOnlyList<RecordedExchange> Requests, IReadOnlyList<RecordedCall> Calls, string AuthorizerLog);
