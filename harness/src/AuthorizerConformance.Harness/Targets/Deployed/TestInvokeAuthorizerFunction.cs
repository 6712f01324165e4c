using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Targets.Deployed;

/// <summary>
/// The authorizer under test is a deployed one, reached through API Gateway's TestInvokeAuthorizer. The emulated
/// gateway keeps doing what the stage would do around the function (identity source, validation expression, cache,
/// policy evaluation against the scenario's real method ARN); this adapter turns the event into a test invoke and its
/// answer back into what the function did:
/// <list type="bullet">
/// <item><c>clientStatus</c> 0 or 200 (TIA-3) → the function returned: the raw output from the execution log's
/// <c>Authorizer result body before parsing:</c> line where present (it carries <c>context</c>), else
/// <c>{"principalId", "policyDocument"}</c> rebuilt from the answer — without the context, so the scenario cannot see
/// what the backend receives nor the raw output then (<see cref="Unobservable"/>): those steps skip, never fail. The test invoke's method ARN (TIA-6:
/// <c>…/ESTestInvoke-stage/GET/</c>) is replaced by the event's, and its stage prefix by the event's stage, so a policy
/// built from <c>methodArn</c> is judged as the stage would judge it.</item>
/// <item>401 → the function said <c>Unauthorized</c> (or AWS refused the identity before invoking it).</item>
/// <item>anything else → a function error (500 through the emulation), naming the status.</item>
/// </list>
/// A failed AWS call (throttled past the budget, access denied…) throws <see cref="AmazonAPIGatewayException"/>: an
/// infrastructure fault fails the scenario with its message, never passes it.
/// </summary>
public sealed partial class TestInvokeAuthorizerFunction : IAuthorizerFunction
{
    /// <summary>TIA-6: the stage name a test invoke's method ARN carries.</summary>
    public const string TestInvokeStage = "ESTestInvoke-stage";

    private const string ResultLine = "Authorizer result body before parsing: ";

    private readonly AmazonAPIGatewayClient _client;
    private readonly string _restApiId;
    private readonly string _authorizerId;
    private readonly string? _tokenHeader;
    private readonly IReadOnlyDictionary<string, string> _stageVariables;

    /// <summary>Test-invokes authorizer <paramref name="authorizerId"/> of <paramref name="restApiId"/>. A TOKEN authorizer's
    /// token goes in <paramref name="tokenHeader"/> (its identity source header); REQUEST events pass their headers and query.</summary>
    public TestInvokeAuthorizerFunction(AmazonAPIGatewayClient client, string restApiId, string authorizerId, string? tokenHeader,
        IReadOnlyDictionary<string, string> stageVariables)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _restApiId = restApiId;
        _authorizerId = authorizerId;
        _tokenHeader = tokenHeader;
        _stageVariables = stageVariables ?? throw new ArgumentNullException(nameof(stageVariables));
    }

    /// <summary>Told what the scenario cannot see when an answer's execution log holds no result line (the
    /// <see cref="TargetObservation"/> name and the reason); null: nobody.</summary>
    public Action<string, string>? Unobservable { get; init; }

    /// <summary>Why a scenario cannot see the backend's request when the execution log holds no result line.</summary>
    public const string NoResultLine = "TestInvokeAuthorizer's execution log held no 'Authorizer result body before parsing:' line, so the " +
                                       "authorizer's context (what the backend receives) and its raw output cannot be seen; the principal and policy " +
                                       "were rebuilt from the answer.";

    /// <inheritdoc />
    public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(eventJson);
        var e = document.RootElement;
        var methodArn = Text(e, "methodArn") ?? Text(e, "routeArn") ?? "";
        // The function's own timeout is Lambda's to enforce on AWS (a timed-out function is clientStatus 500 there). A slow
        // answer from API Gateway is an infrastructure fault, not the function timing out: the client bounds each attempt
        // (AmazonAPIGatewayConfig.Timeout) and throws, so the scenario fails with the reason and never passes as a timeout.
        var answer = await _client.TestInvokeAuthorizerAsync(Request(e), cancellationToken).ConfigureAwait(false);
        return answer.ClientStatus switch
        {
            // TIA-3: success is 0 (API reference) or 200 (console docs); TIA-4: a Deny is a successful test too, and the
            // emulation judges the policy against the scenario's real method ARN.
            0 or 200 => new AuthorizerInvocation.Returned(Encoding.UTF8.GetBytes(Output(answer, methodArn))),
            // TIA-5: the function said Unauthorized, or AWS refused the identity before invoking it.
            401 => new AuthorizerInvocation.FunctionError("Unauthorized", "Unauthorized"),
            // A 403 (AWS judged a returned Deny) or a 500 whose execution log holds the function's output: that output
            // goes through our validating parser, which classifies it as the stage would (malformed output → 500).
            403 or 500 when RawOutput(answer) is not null || (answer.ClientStatus == 403 && answer.Policy is not null) =>
                new AuthorizerInvocation.Returned(Encoding.UTF8.GetBytes(Output(answer, methodArn))),
            // TIA-5: any other error of the function (or one AWS met invoking it) is the stage's 500.
            var status => new AuthorizerInvocation.FunctionError(
                $"TestInvokeAuthorizer answered clientStatus {status} and its execution log holds no authorizer output: the function failed or could not be invoked",
                "TestInvokeClientStatus"),
        };
    }

    private TestInvokeAuthorizerRequest Request(JsonElement e)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var multi = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Text(e, "type") == "TOKEN")
        {
            if (Text(e, "authorizationToken") is { } token && _tokenHeader is not null)
                headers[_tokenHeader] = token;
            return new TestInvokeAuthorizerRequest { RestApiId = _restApiId, AuthorizerId = _authorizerId, Headers = headers, StageVariables = _stageVariables };
        }
        if (e.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in h.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                headers[p.Name] = p.Value.GetString()!;
        }
        if (e.TryGetProperty("multiValueHeaders", out var m) && m.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in m.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
                multi[p.Name] = [.. p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
        }
        var query = new List<string>();
        if (e.TryGetProperty("multiValueQueryStringParameters", out var q) && q.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in q.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
                query.AddRange(p.Value.EnumerateArray().Select(v => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(v.GetString() ?? "")}"));
        }
        var path = Text(e, "path") ?? "/";
        return new TestInvokeAuthorizerRequest
        {
            RestApiId = _restApiId, AuthorizerId = _authorizerId, Headers = headers, MultiValueHeaders = multi,
            PathWithQueryString = query.Count == 0 ? path : path + "?" + string.Join('&', query), StageVariables = _stageVariables,
        };
    }

    /// <summary>The function's output as the stage would have parsed it, with the test invoke's ARNs made the event's.</summary>
    private string Output(TestInvokeAuthorizerResponse answer, string methodArn)
    {
        if (RawOutput(answer) is null)
        {
            Unobservable?.Invoke(TargetObservation.BackendRequest, NoResultLine);
            Unobservable?.Invoke(TargetObservation.AuthorizerOutput, NoResultLine);
        }
        return OutputOf(answer, methodArn);
    }

    /// <summary>The function's output as the stage would have parsed it, with the test invoke's ARNs made the event's.</summary>
    internal static string OutputOf(TestInvokeAuthorizerResponse answer, string methodArn)
    {
        string output;
        if (RawOutput(answer) is { } logged)
        {
            output = logged;
        }
        else
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                if (answer.PrincipalId is not null)
                    w.WriteString("principalId", answer.PrincipalId);
                if (answer.Policy is not null)
                {
                    w.WritePropertyName("policyDocument");
                    w.WriteRawValue(answer.Policy);
                }
                w.WriteEndObject();
            }
            output = Encoding.UTF8.GetString(buffer.ToArray());
        }
        return RewriteArns(output, methodArn);
    }

    /// <summary>The function's raw output from the execution log's <c>Authorizer result body before parsing:</c> line, or null.</summary>
    internal static string? RawOutput(TestInvokeAuthorizerResponse answer)
    {
        var logged = answer.Log?.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Contains(ResultLine, StringComparison.Ordinal));
        return logged?[(logged.IndexOf(ResultLine, StringComparison.Ordinal) + ResultLine.Length)..];
    }

    private static string RewriteArns(string output, string methodArn)
    {
        // arn:…:{apiId}/{stage}/{verb}/{path}: the head up to the API id, then the stage. The test invoke's ARNs may name
        // another account or API id than the emulation's (the account is not known here): any test-invoke ARN is rewritten.
        var slash = methodArn.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return output;
        var head = methodArn[..slash];
        var stage = methodArn[(slash + 1)..].Split('/')[0];
        var exact = TestInvokeArn().Replace(output, m => m.Groups["rest"].Value == "GET/\"" ? $"\"{methodArn}\"" : m.Value);
        return TestInvokeArn().Replace(exact, m => $"\"{head}/{stage}/{m.Groups["rest"].Value}");
    }

    [GeneratedRegex("\"arn:[^:\"]+:execute-api:[^:\"]+:[^:\"]*:[^/\"]+/" + TestInvokeStage + "/(?<rest>[^\"]*\")")]
    private static partial Regex TestInvokeArn();

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
