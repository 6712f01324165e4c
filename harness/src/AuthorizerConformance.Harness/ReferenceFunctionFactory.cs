using System.Text.Json;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness;

/// <summary>
/// The <c>reference</c> function kind: the reference authorizer, run in process.
/// <c>{"kind": "reference", "variant": "token", "env": {"AUTH_TOKEN_SALT": "…"}}</c>: <c>env</c> holds its
/// environment variables (values are secrets and are never printed); <c>variant</c> picks the handler and defaults
/// from the authorizer and API type (TOKEN → token; REQUEST → request, or websocket on a WebSocket API, or
/// http-simple / http-iam for an HTTP API with payload 2.0).
/// </summary>
public static class ReferenceFunctionFactory
{
    /// <summary>The function kind name.</summary>
    public const string Kind = "reference";

    private delegate Func<Stream, Task<Stream>> HandlerFactory(Func<string, string?> env, TimeProvider time, TextWriter log);

    /// <summary>Variant name → handler factory over (environment, clock, log).</summary>
    private static readonly Dictionary<string, HandlerFactory> Variants = new(StringComparer.Ordinal)
    {
        ["token"] = (env, time, log) => new TokenAuthorizerFunction(env, time, null, log).FunctionHandler,
        ["request"] = (env, time, log) => new RequestAuthorizerFunction(env, time, null, log).FunctionHandler,
        ["http-simple"] = (env, time, log) => new HttpApiSimpleAuthorizerFunction(env, time, null, log).FunctionHandler,
        ["http-iam"] = (env, time, log) => new HttpApiIamAuthorizerFunction(env, time, null, log).FunctionHandler,
        ["websocket"] = (env, time, log) => new WebSocketAuthorizerFunction(env, time, null, log).FunctionHandler,
    };

    /// <summary>The handler variant that fits <paramref name="authorizer"/> on an API of <paramref name="apiType"/>.</summary>
    public static string DefaultVariant(AuthorizerDefinition authorizer, ApiType apiType)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        return (apiType, authorizer.Type) switch
        {
            (_, AuthorizerType.Token) => "token",
            (ApiType.WebSocket, _) => "websocket",
            (ApiType.Http, _) when authorizer.PayloadFormatVersion == "2.0" => authorizer.EnableSimpleResponses ? "http-simple" : "http-iam",
            _ => "request",
        };
    }

    /// <summary>An in-process reference authorizer of <paramref name="variant"/> with <paramref name="environment"/>.</summary>
    public static IAuthorizerFunction Create(string variant, IReadOnlyDictionary<string, string> environment, TimeProvider timeProvider, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!Variants.TryGetValue(variant, out var factory))
            throw new ArgumentException($"The reference authorizer has no variant \"{variant}\"; available: {string.Join(", ", Variants.Keys)}.", nameof(variant));
        var env = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        return new InProcessAuthorizerFunction(factory(name => env.GetValueOrDefault(name), timeProvider, log ?? TextWriter.Null), timeProvider);
    }

    /// <summary>
    /// The function kinds a scenario file may use (what <c>authz simulate</c> runs): <c>scripted</c> (Gateway) and
    /// <c>reference</c>, whose log lines go to <paramref name="log"/>, as Lambda would log them.
    /// </summary>
    public static AuthorizerFunctionResolver CreateResolver(ApiType apiType, TextWriter log)
    {
        var resolver = AuthorizerFunctionResolver.CreateDefault();
        resolver.Register(Kind, spec => Create(spec, apiType, log));
        return resolver;
    }

    /// <summary>Resolves a <c>{"kind": "reference", …}</c> function description of a scenario file.</summary>
    public static FunctionResolution Create(FunctionSpec spec, ApiType apiType, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var property in spec.Json.EnumerateObject())
        {
            if (property.Name is not ("kind" or "variant" or "env"))
                return FunctionResolution.Failed($"{spec.Path}.{property.Name}", "unknown member; expected kind, variant, env");
        }
        var variant = DefaultVariant(spec.Authorizer, apiType);
        if (spec.Json.TryGetProperty("variant", out var v))
        {
            if (v.ValueKind != JsonValueKind.String)
                return FunctionResolution.Failed($"{spec.Path}.variant", "must be a string");
            variant = v.GetString()!;
        }
        if (!Variants.ContainsKey(variant))
            return FunctionResolution.Failed($"{spec.Path}.variant", $"the reference authorizer has no variant \"{variant}\"; available: {string.Join(", ", Variants.Keys)}");
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (spec.Json.TryGetProperty("env", out var e))
        {
            if (e.ValueKind != JsonValueKind.Object)
                return FunctionResolution.Failed($"{spec.Path}.env", "must be an object of strings");
            foreach (var variable in e.EnumerateObject())
            {
                if (variable.Value.ValueKind != JsonValueKind.String)
                    return FunctionResolution.Failed($"{spec.Path}.env.{variable.Name}", "must be a string");
                env[variable.Name] = variable.Value.GetString()!;
            }
        }
        return FunctionResolution.Of(Create(variant, env, spec.TimeProvider, log));
    }
}
