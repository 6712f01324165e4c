using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// The <c>authz simulate</c> scenario file that replays a scenario's requests (docs/gateway.md): its API set-up,
/// authorizers, start time and requests, with the authorizer under test as the in-process reference authorizer.
/// Nothing of the run's secrets goes in: the run's HMAC secret and key files are replaced by placeholders (a
/// published placeholder secret, and a JWKS of placeholder keys written beside the file), and every token the
/// scenario built is minted again, with the same claims, header, algorithm and attack, under the placeholder keys.
/// So the file replays the same outcome and holds no token that any real configuration accepts.
/// <para>When the run judged another authorizer (a profile's function), the file replays against the reference authorizer
/// held to that profile's contract (<see cref="AuthorizerProfile.ReferenceStandInEnvironment"/>), not against the
/// function: a function in its own process reads the real clock, so its tokens would be expired by the time anyone
/// replays them. The file's <c>comment</c> and the failure's <c>reproduce:</c> line say so.</para>
/// </summary>
public static class Reproduction
{
    /// <summary>The placeholder <c>AUTH_TOKEN_SALT</c> of every reproduction: published here, so it is no secret.</summary>
    public const string PlaceholderSecret = "authz-reproduction-placeholder-secret-not-for-any-real-authorizer";

    /// <summary>Stands for a key the authorizer does not know.</summary>
    private const string PlaceholderForeignSecret = "authz-reproduction-placeholder-key-the-authorizer-does-not-know";

    private static readonly Lazy<TestKeyRing> PlaceholderKeys = new(() => new TestKeyRing());
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the reproduction of <paramref name="stage"/>'s scenario to <c>repro/<paramref name="name"/>.json</c>
    /// under <paramref name="reportsFolder"/>, and the outcome the run saw beside it (<c>.outcome.json</c>); returns
    /// the scenario file's path.
    /// </summary>
    public static string Write(Stage stage, string reportsFolder, string name)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var folder = Directory.CreateDirectory(Path.Combine(reportsFolder, "repro")).FullName;
        var jwks = Path.Combine(folder, "placeholder-keys.jwks.json");
        File.WriteAllText(jwks, PlaceholderKeys.Value.JwksJson());
        var file = Path.Combine(folder, name + ".json");
        File.WriteAllText(file, Document(stage, jwks).ToJsonString(Indented));
        File.WriteAllText(Path.Combine(folder, name + ".outcome.json"), Outcome(stage.Session.Results).ToJsonString(Indented));
        return file;
    }

    /// <summary>The scenario document, with <paramref name="jwksFile"/> standing for the run's JWKS file.</summary>
    public static JsonObject Document(Stage stage, string jwksFile)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var session = stage.Session;
        var authorizers = (JsonObject)session.Authorizers.DeepClone();
        var env = Stage.Profile.IsReference ? Environment(session, jwksFile) : StandInEnvironment(session, jwksFile);
        foreach (var (_, authorizer) in authorizers)
        {
            if (authorizer?["function"] is JsonObject function && function["kind"]?.GetValue<string>() == StageSession.TargetKind)
                authorizer["function"] = new JsonObject { ["kind"] = ReferenceFunctionFactory.Kind, ["env"] = env.DeepClone() };
        }
        var tokens = stage.BuiltTokens.Select(t => (t.Text, Again: Remint(t))).Where(t => t.Text != t.Again).ToList();
        string Replace(string text) => tokens.Aggregate(text, (s, t) => s.Replace(t.Text, t.Again, StringComparison.Ordinal));
        var requests = new JsonArray();
        foreach (var sent in session.Sent)
            requests.Add(Request(sent, Replace));
        var document = new JsonObject();
        if (ReplaysElsewhere is { } elsewhere)
            document["comment"] = $"Replays against the built-in reference authorizer {elsewhere}. The outcome the run saw is in the .outcome.json file beside this one.";
        document["api"] = session.Api.DeepClone();
        document["authorizers"] = authorizers;
        document["startTime"] = session.Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        document["requests"] = requests;
        return document;
    }

    /// <summary>
    /// Null when the run judged the reference authorizer (the file replays it as it ran); otherwise what the file replays
    /// against instead, for the file's comment and the failure's <c>reproduce:</c> line.
    /// </summary>
    public static string? ReplaysElsewhere => Stage.Profile.IsReference
        ? null
        : $"held to the contract of the profile '{Stage.Profile.Name}'{(Stage.Profile.SourceFile is { } file ? $" ({file})" : "")}, not against that profile's function "
          + "(a function in its own process reads the real clock, so its tokens would be expired when replayed)";

    private static JsonObject StandInEnvironment(StageSession session, string jwksFile)
    {
        var env = new JsonObject();
        foreach (var (name, value) in Stage.Profile.ReferenceStandInEnvironment(PlaceholderSecret, jwksFile).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            // UNA-2: the scenario ran the function without its secret and keys.
            if (!(session.WithoutKeys && name is EnvironmentVariables.TokenSalt or EnvironmentVariables.JwksFile))
                env[name] = value;
        }
        return env;
    }

    /// <summary>Per request, what decides whether a replay gives the same outcome.</summary>
    public static JsonArray Outcome(IReadOnlyList<GatewayResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Select(r => new JsonObject
        {
            ["status"] = r.Status, ["failure"] = r.Failure, ["authorizerInvoked"] = r.AuthorizerInvoked, ["cacheHit"] = r.CacheHit,
            ["decision"] = r.Decision?.ToString(), ["backendReached"] = r.Integration.Invoked,
        })];
    }

    /// <summary>A file name for a scenario: letters and digits, the rest one dash, at most 100 characters.</summary>
    public static string FileName(string feature, string scenario)
    {
        var text = new StringBuilder();
        foreach (var c in $"{feature}-{scenario}")
        {
            if (char.IsAsciiLetterOrDigit(c))
                text.Append(c);
            else if (text.Length > 0 && text[^1] != '-')
                text.Append('-');
        }
        var name = text.ToString().Trim('-');
        return name.Length <= 100 ? name : name[..100].TrimEnd('-');
    }

    private static JsonObject Environment(StageSession session, string jwksFile)
    {
        var env = new JsonObject();
        foreach (var (name, value) in session.AuthorizerEnvironment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            env[name] = value == SuiteKeys.Ring.Secret ? PlaceholderSecret
                : name == EnvironmentVariables.JwksFile && value == SuiteKeys.JwksFile ? jwksFile
                : value;
        }
        return env;
    }

    private static string Remint(BuiltToken token) =>
        token.Plan.Build(token.At, alg => alg.StartsWith("HS", StringComparison.Ordinal) ? SigningKey.Hmac(PlaceholderSecret) : PlaceholderKeys.Value.For(alg),
            SigningKey.Hmac(PlaceholderForeignSecret));

    private static JsonObject Request(SentRequest sent, Func<string, string> replace)
    {
        var request = sent.Request;
        var headers = new JsonObject();
        foreach (var group in request.Headers.GroupBy(h => h.Key, StringComparer.Ordinal))
        {
            var values = group.Select(h => replace(h.Value)).ToList();
            headers[group.Key] = values.Count == 1 ? values[0] : new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }
        var json = new JsonObject { ["method"] = request.Method, ["path"] = request.Path };
        if (request.Query.Length > 0)
            json["query"] = replace(request.Query);
        json["headers"] = headers;
        if (request.Body is not null)
            json["body"] = replace(request.Body);
        json["sourceIp"] = request.SourceIp;
        json["atSeconds"] = sent.At.TotalSeconds;
        return json;
    }
}
