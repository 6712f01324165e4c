using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Aws.Fakes;

public sealed partial class FakeApiGatewayControlPlane
{
    /// <summary>TIA-6: the stage a test invoke's method ARN names (verb and path <c>GET/</c>).</summary>
    public const string TestInvokeStage = "ESTestInvoke-stage";

    private readonly ConcurrentDictionary<string, (IAuthorizerFunction Function, SemaphoreSlim Gate)> _functions = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs the authorizer through the emulation as a test invoke does: identity source and validation expression
    /// checked (401 without invoking, TIA-5), no cache, the function invoked with a method ARN of
    /// <see cref="TestInvokeStage"/> <c>GET/</c> (TIA-6), the output validated; the policy is <em>not</em> evaluated
    /// against a method (TIA-4): a Deny is a successful test, clientStatus 0 (TIA-3).
    /// </summary>
    private async Task<Answer> TestInvokeAsync(FakeRestApi api, FakeAuthorizer authorizer, byte[] body, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        JsonElement input;
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            input = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Answer.Error(400, "BadRequestException", "Could not parse request body into json");
        }
        if (input.ValueKind != JsonValueKind.Object)
            return Answer.Error(400, "BadRequestException", "Could not parse request body into json");
        var parsed = ScenarioParser.Parse(FakeJson.Text(Scenario(api, authorizer, input)));
        if (parsed.Scenario is not { } scenario)
            return Answer.Error(400, "BadRequestException", $"Invalid authorizer configuration: {parsed.Error!.Path}: {parsed.Error.Message}");
        var definition = scenario.Authorizers[0];
        var (function, gate) = _functions.GetOrAdd($"{api.Id}/{authorizer.Id}", _ => (authorizer.Function(definition), new SemaphoreSlim(1)));
        var capture = new CapturingFunction(function);
        var gateway = new ApiGateway(scenario.Api, scenario.Authorizers, _ => capture, TimeProvider.System);
        GatewayResult result;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            result = await gateway.HandleAsync(Request(input), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
        var latency = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return Answer.Ok(TestInvokeAnswer(authorizer, result, capture.Output, latency));
    }

    private byte[] Scenario(FakeRestApi api, FakeAuthorizer authorizer, JsonElement input) => FakeJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("api");
        w.WriteString("type", "REST");
        w.WriteString("region", Region);
        w.WriteString("accountId", AccountId);
        w.WriteString("apiId", api.Id);
        w.WriteString("stage", TestInvokeStage);
        w.WriteStartArray("routes");
        w.WriteStartObject();
        w.WriteString("method", "GET");
        w.WriteString("resource", "/");
        w.WriteString("authorizer", "A");
        w.WriteEndObject();
        w.WriteEndArray();
        if (input.TryGetProperty("stageVariables", out var variables) && variables.ValueKind == JsonValueKind.Object)
        {
            w.WritePropertyName("stageVariables");
            variables.WriteTo(w);
        }
        w.WriteEndObject();
        w.WriteStartObject("authorizers");
        w.WriteStartObject("A");
        w.WriteString("type", authorizer.Type);
        w.WriteString("identitySource", authorizer.IdentitySource);
        if (authorizer.IdentityValidationExpression is { } expression)
            w.WriteString("identityValidationExpression", expression);
        w.WriteNumber("resultTtlInSeconds", 0);
        w.WriteStartObject("function");
        w.WriteString("kind", "fake-control-plane");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("requests");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static ClientRequest Request(JsonElement input)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (input.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
            headers.AddRange(single.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)));
        if (input.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
                headers.AddRange(header.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => KeyValuePair.Create(header.Name, v.GetString()!)));
        }
        var path = input.TryGetProperty("pathWithQueryString", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "/";
        var query = path.Contains('?', StringComparison.Ordinal) ? path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        // TIA-6: the method ARN is GET/ whatever the path; the query still feeds REQUEST identity sources.
        return new ClientRequest { Method = "GET", Path = "/", Query = query, Headers = headers };
    }

    private static byte[] TestInvokeAnswer(FakeAuthorizer authorizer, GatewayResult result, byte[]? output, long latency)
    {
        var clientStatus = result.Failure switch
        {
            null or FailureCodes.PolicyExplicitDeny or FailureCodes.PolicyImplicitDeny => 0,
            _ => result.Status,
        };
        string? principalId = null, policy = null;
        if (clientStatus == 0 && output is not null)
        {
            using var document = JsonDocument.Parse(output);
            if (document.RootElement.TryGetProperty("principalId", out var principal) && principal.ValueKind == JsonValueKind.String)
                principalId = principal.GetString();
            if (document.RootElement.TryGetProperty("policyDocument", out var document2))
                policy = document2.GetRawText();
        }
        var log = new StringBuilder()
            .Append("Execution log for request test-request\n")
            .Append($"Starting authorizer: {authorizer.Id} for request: test-request\n")
            .Append("Incoming identity: ****\n");
        if (output is not null && authorizer.LogsResultBody)
            log.Append($"Authorizer result body before parsing: {Encoding.UTF8.GetString(output)}\n");
        log.Append(clientStatus switch
        {
            0 => $"Using valid authorizer policy for principal: ****\nSuccessfully completed authorizer execution\n",
            401 => "Unauthorized request: test-request\n",
            _ => $"Execution failed due to configuration error: {result.Failure}\nAuthorizerConfigurationException\n",
        });
        return Answer.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("clientStatus", clientStatus);
            w.WriteString("log", log.ToString());
            w.WriteNumber("latency", latency);
            if (principalId is not null)
                w.WriteString("principalId", principalId);
            if (policy is not null)
                w.WriteString("policy", policy);
            w.WriteStartObject("authorization");
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>Passes invocations on and keeps the raw output of a function that returned.</summary>
    private sealed class CapturingFunction(IAuthorizerFunction inner) : IAuthorizerFunction
    {
        public byte[]? Output { get; private set; }

        public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var invocation = await inner.InvokeAsync(eventJson, timeout, cancellationToken).ConfigureAwait(false);
            if (invocation is AuthorizerInvocation.Returned returned)
                Output = returned.ResponseJson.ToArray();
            return invocation;
        }
    }
}
