using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>
/// Writes scenario results as the <c>authz simulate</c> JSON contract: <c>{"results": [...]}</c>, one object per
/// request with status, headers, body, authorizerInvoked, cacheHit, methodArn, event, decision,
/// decidingStatements, resourcePolicyDecision, failure, integration (and the extensions authorizerLogVariables, failureDetail and
/// responseType). Tokens are redacted by <see cref="Redaction"/>: by structure, and by value for every identity value the
/// requests carried and every secret passed to <see cref="Write"/>.
/// </summary>
public static class ScenarioResultWriter
{
    /// <summary>The results as indented JSON, redacted; <paramref name="secrets"/> are other values the run holds (keys, secrets).</summary>
    public static string Write(IReadOnlyList<GatewayResult> results, IEnumerable<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (var result in results)
                WriteResult(w, result);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Redaction.Redact(Encoding.UTF8.GetString(buffer.WrittenSpan), [.. results.SelectMany(r => r.IdentityValues), .. secrets ?? []]);
    }

    private static void WriteResult(Utf8JsonWriter w, GatewayResult r)
    {
        w.WriteStartObject();
        w.WriteNumber("status", r.Status);
        w.WriteStartObject("headers");
        foreach (var (name, value) in r.Headers)
            w.WriteString(name, value);
        w.WriteEndObject();
        w.WriteString("body", r.Body);
        w.WriteBoolean("authorizerInvoked", r.AuthorizerInvoked);
        w.WriteBoolean("cacheHit", r.CacheHit);
        w.WriteString("methodArn", r.MethodArn);
        WriteRaw(w, "event", r.Event);
        WriteDecision(w, "decision", r.Decision);
        w.WriteStartArray("decidingStatements");
        foreach (var statement in r.DecidingStatements)
        {
            w.WriteStartObject();
            w.WriteNumber("index", statement.Index);
            w.WriteString("sid", statement.Sid);
            w.WriteString("effect", statement.Effect == PolicyEffect.Allow ? "Allow" : "Deny");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteDecision(w, "resourcePolicyDecision", r.ResourcePolicyDecision);
        w.WriteString("failure", r.Failure);
        w.WriteString("failureDetail", r.FailureDetail);
        w.WriteString("responseType", r.ResponseType is { } type ? GatewayResponses.ResponseTypeName(type) : null);
        w.WriteStartObject("authorizerLogVariables"); // CTX-6, an extension of the contract
        foreach (var (name, value) in r.AuthorizerLogVariables)
            w.WriteString(name, value);
        w.WriteEndObject();
        w.WriteStartObject("integration");
        w.WriteBoolean("invoked", r.Integration.Invoked);
        WriteRaw(w, "requestContext", r.Integration.RequestContext);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter w, string name, PolicyDecision? decision)
    {
        switch (decision)
        {
            case null:
                w.WriteNull(name);
                break;
            case PolicyDecision.Allow:
            case PolicyDecision.ExplicitDeny:
            case PolicyDecision.ImplicitDeny:
            case PolicyDecision.Invalid:
                w.WriteString(name, decision.Value.ToString());
                break;
            default:
                throw new InvalidOperationException($"Unknown decision {decision}.");
        }
    }

    /// <summary>Embeds JSON the gateway produced as JSON, not as a string.</summary>
    private static void WriteRaw(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
            return;
        }
        using var document = JsonDocument.Parse(json);
        document.RootElement.WriteTo(w);
    }
}
