using System.Text.Json;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness;

namespace AuthorizerConformance.Cli;

/// <summary>
/// The <c>reference</c> function kind: the reference authorizer, run in process.
/// <c>{"kind": "reference", "variant": "token", "env": {"AUTH_TOKEN_SALT": "…"}}</c>: <c>env</c> holds its
/// environment variables (values are secrets and are never printed); <c>variant</c> picks the handler and
/// defaults from the authorizer type. Add a variant to <see cref="Variants"/> when the reference authorizer grows one.
/// </summary>
internal static class ReferenceFunctionFactory
{
    public const string Kind = "reference";

    /// <summary>Variant name → handler factory over (environment, clock).</summary>
    private static readonly Dictionary<string, Func<Func<string, string?>, TimeProvider, Func<Stream, Task<Stream>>>> Variants =
        new(StringComparer.Ordinal)
        {
            ["token"] = (env, time) => new TokenAuthorizerFunction(env, time).FunctionHandler,
        };

    public static FunctionResolution Create(FunctionSpec spec)
    {
        foreach (var property in spec.Json.EnumerateObject())
        {
            if (property.Name is not ("kind" or "variant" or "env"))
                return FunctionResolution.Failed($"{spec.Path}.{property.Name}", "unknown member; expected kind, variant, env");
        }
        var variant = spec.Authorizer.Type == AuthorizerType.Token ? "token" : null;
        if (spec.Json.TryGetProperty("variant", out var v))
        {
            if (v.ValueKind != JsonValueKind.String)
                return FunctionResolution.Failed($"{spec.Path}.variant", "must be a string");
            variant = v.GetString();
        }
        if (variant is null || !Variants.TryGetValue(variant, out var handler))
            return FunctionResolution.Failed($"{spec.Path}.variant",
                $"the reference authorizer has no {(variant is null ? "default variant for a REQUEST authorizer" : $"variant \"{variant}\"")}; available: {string.Join(", ", Variants.Keys)}");
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
        return FunctionResolution.Of(new InProcessAuthorizerFunction(handler(name => env.GetValueOrDefault(name), spec.TimeProvider), spec.TimeProvider));
    }
}
