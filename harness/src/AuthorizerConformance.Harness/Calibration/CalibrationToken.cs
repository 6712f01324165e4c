using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// The token a calibration probe sends: an HS256 JWT, signed with the calibration secret, whose <c>calibrate</c> claim
/// says what the calibration authorizer does (<c>{"output": "…", "padContext": 9000}</c> or <c>{"error": "…"}</c>). The
/// signature keeps a deployed calibration authorizer from answering anyone without the secret. The token is a secret
/// of the run: it is never printed or stored (<see cref="AuthorizerConformance.Gateway.Redaction"/>).
/// </summary>
public static class CalibrationToken
{
    private const string Header = """{"alg":"HS256","typ":"JWT"}""";

    /// <summary>The token for <paramref name="action"/>, signed with <paramref name="secret"/>.</summary>
    public static string Create(CalibrationAction action, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(action);
        var calibrate = new JsonObject();
        if (action.ErrorMessage is not null)
            calibrate["error"] = action.ErrorMessage;
        else
            calibrate["output"] = action.Output ?? throw new ArgumentException("an action returns an output or fails", nameof(action));
        if (action.PadContextChars > 0)
            calibrate["padContext"] = action.PadContextChars;
        var input = Base64Url(Encoding.UTF8.GetBytes(Header)) + "." + Base64Url(Encoding.UTF8.GetBytes(new JsonObject { ["calibrate"] = calibrate }.ToJsonString()));
        return input + "." + Base64Url(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>The action a token carries, or null when it is not a calibration token signed with <paramref name="secret"/>.</summary>
    public static CalibrationAction? Read(string? token, ReadOnlySpan<byte> secret)
    {
        if (token is null)
            return null;
        if (token.StartsWith("Bearer ", StringComparison.Ordinal))
            token = token["Bearer ".Length..];
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Base64Url(Encoding.UTF8.GetBytes(Header)))
            return null;
        var expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!TryDecode(parts[2], out var signature) || !CryptographicOperations.FixedTimeEquals(expected, signature) || !TryDecode(parts[1], out var payload))
            return null;
        try
        {
            var calibrate = JsonNode.Parse(payload)?["calibrate"] as JsonObject;
            var pad = calibrate?["padContext"]?.GetValue<int>() ?? 0;
            return calibrate?["error"]?.GetValue<string>() is { } error ? CalibrationAction.Fails(error)
                : calibrate?["output"]?.GetValue<string>() is { } output ? CalibrationAction.Returns(output, Math.Clamp(pad, 0, 1 << 20))
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}
