using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// The calibration authorizer in process (the deployable one is <c>authorizer/calibration/index.mjs</c>, which does the
/// same): it reads the probe's token from a TOKEN event, checks its HS256 signature with the calibration secret, and
/// does what the token says — returns the output as written (plus a <c>context.pad</c> of the asked size) or fails with
/// the message. A token it cannot verify is <c>Unauthorized</c>.
/// </summary>
public sealed class CalibrationEchoFunction(byte[] secret) : IAuthorizerFunction
{
    private readonly byte[] _secret = secret ?? throw new ArgumentNullException(nameof(secret));

    /// <inheritdoc />
    public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(eventJson);
        var token = document.RootElement.TryGetProperty("authorizationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var action = CalibrationToken.Read(token, _secret);
        AuthorizerInvocation outcome = action switch
        {
            null => new AuthorizerInvocation.FunctionError("Unauthorized", "Error"),
            { ErrorMessage: { } message } => new AuthorizerInvocation.FunctionError(message, "Error"),
            { PadContextChars: > 0 } padded => new AuthorizerInvocation.Returned(Encoding.UTF8.GetBytes(Pad(padded.Output!, padded.PadContextChars))),
            _ => new AuthorizerInvocation.Returned(Encoding.UTF8.GetBytes(action.Output!)),
        };
        return ValueTask.FromResult(outcome);
    }

    private static string Pad(string output, int chars)
    {
        var node = JsonNode.Parse(output)!.AsObject();
        var context = node["context"] as JsonObject ?? [];
        node["context"] = context;
        context["pad"] = new string('x', chars);
        return node.ToJsonString();
    }
}
