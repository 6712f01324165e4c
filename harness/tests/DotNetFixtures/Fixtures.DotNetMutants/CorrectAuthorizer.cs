using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Lambda.Core;

namespace Fixtures.DotNetMutants;

/// <summary>
/// A correct HS256 TOKEN authorizer as a .NET team would write one (BCL only): the secret in AUTH_SECRET, the token in
/// the Authorization header (Bearer in any casing, or raw), exp/nbf/iat with 60 seconds of skew, the principal from
/// sub, the primitive claims as context, and an Allow for the whole stage (CAC-4). A bad token fails with exactly
/// <c>Unauthorized</c> (UNA-1); a missing secret with another message (UNA-2). Each mutant overrides one member.
/// Handler: <c>dotnet:Fixtures.DotNetMutants.dll::Fixtures.DotNetMutants.CorrectAuthorizer::Handle</c>.
/// </summary>
public class CorrectAuthorizer
{
    private const long SkewSeconds = 60;
    private const int MaxTokenChars = 8192;

    /// <summary>The handler: the TOKEN event in, the authorizer's answer out (streams need no serializer).</summary>
    public Stream Handle(Stream input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var secret = Environment.GetEnvironmentVariable("AUTH_SECRET");
        if (string.IsNullOrEmpty(secret))
        {
            context.Logger.LogLine("configuration error: AUTH_SECRET is not set");
            throw new InvalidOperationException("authorizer misconfigured: AUTH_SECRET is not set");
        }
        var request = JsonNode.Parse(input) as JsonObject ?? throw new InvalidOperationException("the event is not a JSON object");
        var methodArn = (string)request["methodArn"]!;
        var claims = Verify(TokenOf((string?)request["authorizationToken"]), Encoding.UTF8.GetBytes(secret));
        if (claims is null || PrincipalOf(claims) is not { } principal)
        {
            context.Logger.LogLine("refused: the token did not verify");
            return Refuse(methodArn);
        }
        return Answer(principal, "Allow", StageWide(methodArn), ContextOf(claims));
    }

    /// <summary>The answer to a token that does not verify: fail with exactly <c>Unauthorized</c> (UNA-1).</summary>
    protected virtual Stream Refuse(string methodArn) => throw new UnauthorizedException();

    /// <summary>Whether the signature verifies: only HS256, checked with the configured secret (RFC 8725 §3.1).</summary>
    protected virtual bool SignatureMatches(JsonObject header, string signingInput, string signature, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(header);
        if ((string?)header["alg"] != "HS256")
            return false;
        var expected = Base64Url(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>Whether the token has expired (exp plus the skew is past).</summary>
    protected virtual bool Expired(JsonObject claims, long now) => claims?["exp"] is JsonValue exp && now > exp.GetValue<double>() + SkewSeconds;

    private static string? TokenOf(string? header)
    {
        if (header is null)
            return null;
        var parts = header.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            [var raw] => raw,
            [var scheme, var token] when scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) => token,
            _ => null,
        };
    }

    private JsonObject? Verify(string? token, byte[] secret)
    {
        if (token is null || token.Length > MaxTokenChars)
            return null;
        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not { } header || Decode(parts[1]) is not { } claims)
            return null;
        if (header.ContainsKey("crit") || header.ContainsKey("jwk") || header.ContainsKey("jku") || header.ContainsKey("x5u") || header.ContainsKey("kid"))
            return null;
        if (!SignatureMatches(header, parts[0] + "." + parts[1], parts[2], secret))
            return null;
        foreach (var name in new[] { "exp", "nbf", "iat" })
        {
            if (claims.ContainsKey(name) && (claims[name] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number))
                return null;
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (Expired(claims, now))
            return null;
        if (claims["nbf"] is JsonValue nbf && now < nbf.GetValue<double>() - SkewSeconds)
            return null;
        if (claims["iat"] is JsonValue iat && now < iat.GetValue<double>() - SkewSeconds)
            return null;
        return claims;
    }

    private static JsonObject? Decode(string segment)
    {
        if (segment.Length == 0 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return null;
        try
        {
            var bytes = Convert.FromBase64String(segment.Replace('-', '+').Replace('_', '/').PadRight(segment.Length + (4 - segment.Length % 4) % 4, '='));
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return document.RootElement.ValueKind == JsonValueKind.Object && WellFormed(document.RootElement)
                ? JsonNode.Parse(text) as JsonObject
                : null;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException or JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    // Text must be text: a string holding half a surrogate pair is not (RFC 8259 §8.2).
    private static bool WellFormed(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(p => Valid(p.Name) && WellFormed(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(WellFormed),
        JsonValueKind.String => Valid(element.GetString()!),
        _ => true,
    };

    private static bool Valid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }

    private static string? PrincipalOf(JsonObject claims) => claims["sub"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0 => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static JsonObject ContextOf(JsonObject claims)
    {
        var context = new JsonObject();
        foreach (var (name, value) in claims)
        {
            if (value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                context[name] = v.DeepClone();
        }
        return context;
    }

    /// <summary>The whole stage of <paramref name="methodArn"/>: API Gateway caches the policy for every method (CAC-4).</summary>
    protected static string StageWide(string methodArn)
    {
        ArgumentNullException.ThrowIfNull(methodArn);
        var parts = methodArn.Split('/');
        return $"{parts[0]}/{parts[1]}/*/*";
    }

    /// <summary>The authorizer's answer as JSON.</summary>
    protected static Stream Answer(string principal, string effect, string resource, JsonObject context)
    {
        var answer = new JsonObject
        {
            ["principalId"] = principal,
            ["policyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject { ["Action"] = "execute-api:Invoke", ["Effect"] = effect, ["Resource"] = resource }),
            },
            ["context"] = context,
        };
        return new MemoryStream(Encoding.UTF8.GetBytes(answer.ToJsonString()));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
