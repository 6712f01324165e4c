using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthorizerConformance.Gateway.Scenarios;

public static partial class ScenarioParser
{
    private static List<AuthorizerDefinition> ReadAuthorizers(JsonElement root, ApiType type)
    {
        var list = new List<AuthorizerDefinition>();
        if (!Json.Has(root, "authorizers", out var element))
            return list;
        foreach (var property in Json.Object(element, "authorizers").EnumerateObject())
            list.Add(ReadAuthorizer(property.Value, Json.Child("authorizers", property.Name), property.Name, type));
        return list;
    }

    private static AuthorizerDefinition ReadAuthorizer(JsonElement item, string path, string name, ApiType apiType)
    {
        Json.Object(item, path, "type", "identitySource", "identityValidationExpression", "resultTtlInSeconds",
            "payloadFormatVersion", "enableSimpleResponses", "timeoutSeconds", "function");
        var type = Json.Choice(item, path, "type", apiType == ApiType.Rest ? null : "REQUEST", "TOKEN", "REQUEST") == "TOKEN"
            ? AuthorizerType.Token : AuthorizerType.Request;
        // HTTP-1, WS-1: only REQUEST authorizers outside REST.
        if (type == AuthorizerType.Token && apiType != ApiType.Rest)
            throw new ScenarioFormatException(Json.Child(path, "type"), "TOKEN authorizers exist only on REST APIs");
        var sources = IdentitySourceParser.Read(item, path, apiType, type);
        // TOK-3, CAC-1: default 300 for REST, at most 3600, 0 disables the cache.
        var ttl = Json.Integer(item, path, "resultTtlInSeconds", 0, 3600) ?? (apiType == ApiType.Rest ? 300 : 0);
        if (ttl > 0 && sources.Count == 0)
            throw new ScenarioFormatException(Json.Child(path, "identitySource"),
                "is required when resultTtlInSeconds > 0 (REQ-3, CAC-1); set resultTtlInSeconds to 0 or add an identity source");
        var payload = apiType == ApiType.Http
            ? Json.Choice(item, path, "payloadFormatVersion", "2.0", "1.0", "2.0")
            : Json.Has(item, "payloadFormatVersion", out _)
                ? throw new ScenarioFormatException(Json.Child(path, "payloadFormatVersion"), "applies to HTTP API authorizers only")
                : "1.0";
        var simple = Json.Bool(item, path, "enableSimpleResponses") ?? false;
        // HTTP-5: simple responses only with payload 2.0.
        if (simple && (apiType != ApiType.Http || payload != "2.0"))
            throw new ScenarioFormatException(Json.Child(path, "enableSimpleResponses"), "requires an HTTP API authorizer with payloadFormatVersion 2.0");
        var timeout = Json.Number(item, path, "timeoutSeconds", 0.001, 900);
        if (!Json.Has(item, "function", out var function))
            throw new ScenarioFormatException(Json.Child(path, "function"), "is required");
        Json.Object(function, Json.Child(path, "function"));
        Json.String(function, Json.Child(path, "function"), "kind", required: true);
        return new AuthorizerDefinition
        {
            Name = name,
            Type = type,
            IdentitySources = sources,
            IdentityValidationExpression = ReadExpression(item, path),
            ResultTtlInSeconds = ttl,
            PayloadFormatVersion = payload,
            EnableSimpleResponses = simple,
            Timeout = timeout is null ? null : TimeSpan.FromSeconds(timeout.Value),
            Function = function.Clone(),
        };
    }

    /// <summary>The match timeout of every identity validation expression (docs/limits.md).</summary>
    internal static readonly TimeSpan ExpressionTimeout = TimeSpan.FromSeconds(1);

    /// <summary>TOK-2: an optional regular expression; REQ-4: AWS ignores it on REQUEST authorizers, and so do we.</summary>
    private static Regex? ReadExpression(JsonElement item, string path)
    {
        var pattern = Json.String(item, path, "identityValidationExpression");
        if (string.IsNullOrEmpty(pattern))
            return null;
        Regex expression;
        try
        {
            // docs/limits.md: every expression runs with a 1 s match timeout (a timeout is a failed validation).
            expression = new Regex(pattern, RegexOptions.CultureInvariant, ExpressionTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ScenarioFormatException(Json.Child(path, "identityValidationExpression"), $"not a valid regular expression: {e.Message}");
        }
        try
        {
            ValidationExpressionStage.Anchored(expression);
        }
        catch (ArgumentException e)
        {
            throw new ScenarioFormatException(Json.Child(path, "identityValidationExpression"), e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }
        return expression;
    }
}
