using AuthorizerConformance.Policy;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// Builds a claims object. <see cref="Standard"/> starts from <c>sub</c>, <c>iss</c>, <c>aud</c>, <c>iat</c> and
/// <c>exp</c>; every setter returns the builder so a case states only the claims that matter.
/// </summary>
public sealed class ClaimsBuilder
{
    private readonly JsonObject _claims;

    private ClaimsBuilder(JsonObject claims) => _claims = claims;

    /// <summary>An empty claims object.</summary>
    public static ClaimsBuilder Empty() => new([]);

    /// <summary>sub/iss/aud from <paramref name="defaults"/>, iat = <paramref name="now"/>, exp = now + lifetime.</summary>
    public static ClaimsBuilder Standard(DateTimeOffset now, TokenDefaults? defaults = null)
    {
        var d = defaults ?? TokenDefaults.Standard;
        return Empty().Set("sub", d.Subject).Set("iss", d.Issuer).Set("aud", d.Audience)
            .IssuedAt(now).ExpiresAt(now + d.Lifetime);
    }

    /// <summary>Claims from JSON text; not an object → <see cref="ArgumentException"/> naming the JSON path.</summary>
    public static ClaimsBuilder FromJson(string json)
    {
        JsonNode? node;
        try
        {
            using (var document = StrictJson.Parse(json, StrictJson.Options))
            {
                // Half a surrogate pair as an escape is valid JSON but not text: it would throw when the token is written.
                if (JsonTextCheck.FirstNonText(document.RootElement, "$") is { } notText)
                    throw new ArgumentException($"claims at {notText.Path}: {notText.Message}", nameof(json));
            }
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"claims are not valid JSON at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}", nameof(json), e);
        }
        return node is JsonObject obj ? new ClaimsBuilder(obj) : throw new ArgumentException("claims at $ must be a JSON object", nameof(json));
    }

    public ClaimsBuilder Set(string name, JsonNode? value)
    {
        _claims[name] = value;
        return this;
    }

    public ClaimsBuilder Remove(string name)
    {
        _claims.Remove(name);
        return this;
    }

    public ClaimsBuilder IssuedAt(DateTimeOffset at) => Set("iat", at.ToUnixTimeSeconds());

    public ClaimsBuilder ExpiresAt(DateTimeOffset at) => Set("exp", at.ToUnixTimeSeconds());

    public ClaimsBuilder NotBefore(DateTimeOffset at) => Set("nbf", at.ToUnixTimeSeconds());

    /// <summary>A deep copy of the claims built so far.</summary>
    public JsonObject Build() => (JsonObject)_claims.DeepClone();
}
