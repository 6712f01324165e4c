namespace AuthorizerConformance.Gateway;

/// <summary>
/// Turns function descriptions into authorizer functions by their <c>kind</c>. Gateway registers <c>scripted</c>;
/// callers register more (the CLI adds <c>reference</c>, the in-process reference authorizer).
/// </summary>
public sealed class AuthorizerFunctionResolver
{
    private readonly Dictionary<string, Func<FunctionSpec, FunctionResolution>> _factories = new(StringComparer.Ordinal);

    /// <summary>A resolver that knows <c>scripted</c>.</summary>
    public static AuthorizerFunctionResolver CreateDefault()
    {
        var resolver = new AuthorizerFunctionResolver();
        resolver.Register(ScriptedFunctionFactory.Kind, ScriptedFunctionFactory.Create);
        return resolver;
    }

    /// <summary>The registered kinds.</summary>
    public IReadOnlyCollection<string> Kinds => _factories.Keys;

    /// <summary>Registers (or replaces) the factory for <paramref name="kind"/>.</summary>
    public void Register(string kind, Func<FunctionSpec, FunctionResolution> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        _factories[kind] = factory ?? throw new ArgumentNullException(nameof(factory));
    }

    /// <summary>Builds the function for <paramref name="spec"/>, or an error naming <c>….kind</c> when the kind is unknown.</summary>
    public FunctionResolution Resolve(FunctionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _factories.TryGetValue(spec.Kind, out var factory)
            ? factory(spec)
            : FunctionResolution.Failed($"{spec.Path}.kind", $"unknown function kind \"{spec.Kind}\"; expected one of {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}");
    }
}
