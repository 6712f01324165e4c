using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Harness.Foundation;

/// <summary>
/// The foundation's minimal REST TOKEN path, standing where the full gateway emulation
/// (AuthorizerConformance.Gateway's pipeline, issue 4) plugs in: header present (TOK-6) → invoke → function error
/// mapping (UNA-1/2) → the IAM evaluator (AuthorizerConformance.Policy) on the method ARN → context stringified (CTX-1).
/// </summary>
public sealed class FoundationTokenGateway
{
    private static readonly TimeSpan AuthorizerTimeout = TimeSpan.FromSeconds(10);
    private readonly RestApiSettings _api;
    private readonly IAuthorizerFunction _authorizer;

    public FoundationTokenGateway(RestApiSettings api, IAuthorizerFunction authorizer)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _authorizer = authorizer ?? throw new ArgumentNullException(nameof(authorizer));
    }

    /// <summary>Sends one client request through the authorizer.</summary>
    public async Task<ClientResponse> SendAsync(ClientRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var methodArn = _api.MethodArn(request.Method, request.Path);
        var token = request.Headers.FirstOrDefault(h => string.Equals(h.Key, _api.TokenHeader, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(token)) // TOK-6: missing or empty → 401 without invoking
            return Refused(401, """{"message":"Unauthorized"}""", "identity-source-missing", methodArn);

        // TOK-11: exactly type, authorizationToken, methodArn.
        var eventJson = new JsonObject { ["type"] = "TOKEN", ["authorizationToken"] = token, ["methodArn"] = methodArn }.ToJsonString();
        var invocation = await _authorizer.InvokeAsync(Encoding.UTF8.GetBytes(eventJson), AuthorizerTimeout, cancellationToken).ConfigureAwait(false);
        var invoked = new ClientResponse { Status = 0, Body = "", MethodArn = methodArn, AuthorizerInvoked = true, AuthorizerEvent = eventJson };
        return invocation switch
        {
            AuthorizerInvocation.FunctionError { Message: "Unauthorized" } e => // UNA-1: exactly "Unauthorized"
                invoked with { Status = 401, Body = """{"message":"Unauthorized"}""", Failure = "authorizer-unauthorized", AuthorizerOutput = Describe(e) },
            AuthorizerInvocation.FunctionError e => ConfigurationError(invoked, "authorizer-error", Describe(e)), // UNA-2
            AuthorizerInvocation.TimedOut => ConfigurationError(invoked, "authorizer-timeout", "timed out"),
            AuthorizerInvocation.Returned r => Decide(invoked, Encoding.UTF8.GetString(r.ResponseJson.Span), methodArn),
            _ => throw new InvalidOperationException($"Unknown invocation outcome {invocation.GetType().Name}."),
        };
    }

    private static ClientResponse Decide(ClientResponse invoked, string output, string methodArn)
    {
        invoked = invoked with { AuthorizerOutput = output };
        JsonObject? response;
        try
        {
            response = JsonNode.Parse(output) as JsonObject;
        }
        catch (JsonException)
        {
            response = null;
        }
        if (response?["policyDocument"] is not JsonObject document) // OUT-1/2
            return ConfigurationError(invoked, "authorizer-output-invalid", output);
        var parsed = PolicyParser.Parse(document.ToJsonString());
        if (!parsed.IsValid)
            return ConfigurationError(invoked, "authorizer-output-invalid", output);

        // POL-1/2: the IAM evaluator decides; explicit Deny beats Allow, nothing matching is an implicit deny.
        var evaluation = parsed.Evaluate(new PolicyRequest("execute-api:Invoke", methodArn));
        switch (evaluation.Decision)
        {
            case PolicyDecision.ExplicitDeny:
                return invoked with { Status = 403, Body = """{"Message":"User is not authorized to access this resource with an explicit deny"}""", Failure = "policy-explicit-deny" };
            case PolicyDecision.ImplicitDeny:
                return invoked with { Status = 403, Body = """{"Message":"User is not authorized to access this resource"}""", Failure = "policy-implicit-deny" };
            case PolicyDecision.Invalid:
                return ConfigurationError(invoked, "authorizer-output-invalid", output);
            case PolicyDecision.Allow:
                break;
        }

        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in response["context"] as JsonObject ?? [])
            context[key] = Stringify(value); // CTX-1: values reach the backend as strings
        return invoked with
        {
            Status = 200,
            Body = "",
            PrincipalId = response["principalId"]?.GetValue<string>(),
            Context = context,
        };
    }

    private static string Stringify(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    private static string Describe(AuthorizerInvocation.FunctionError e) =>
        string.Create(CultureInfo.InvariantCulture, $"function error {e.Type}: {e.Message}");

    private static ClientResponse ConfigurationError(ClientResponse invoked, string failure, string output) =>
        invoked with { Status = 500, Body = """{"message":null}""", Failure = failure, AuthorizerOutput = output };

    private static ClientResponse Refused(int status, string body, string failure, string methodArn) =>
        new() { Status = status, Body = body, Failure = failure, MethodArn = methodArn };
}
