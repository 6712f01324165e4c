namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// Picks the target the features run against, without editing them: the environment variable
/// <see cref="EnvironmentVariable"/> names it (default <c>reference</c>).
/// </summary>
public static class ConformanceTargets
{
    /// <summary>Selects the target by name.</summary>
    public const string EnvironmentVariable = "AUTHZ_TARGET";

    private static readonly Dictionary<string, Func<IConformanceTarget>> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [ReferenceTarget.TargetName] = () => new ReferenceTarget(),
    };

    /// <summary>The target named by <paramref name="name"/> (null or empty: the reference authorizer).</summary>
    /// <exception cref="ArgumentException">No target has that name; the message lists the available ones.</exception>
    public static IConformanceTarget Select(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return new ReferenceTarget();
        return Known.TryGetValue(name.Trim(), out var create)
            ? create()
            : throw new ArgumentException($"{EnvironmentVariable}='{name}' names no target; available: {string.Join(", ", Known.Keys)}.", nameof(name));
    }

    /// <summary>The target selected by the environment.</summary>
    public static IConformanceTarget FromEnvironment() => Select(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Why a scenario needing <paramref name="needs"/> cannot run on <paramref name="target"/>, or null when it can.</summary>
    public static string? SkipReason(IConformanceTarget target, IEnumerable<string> needs)
    {
        ArgumentNullException.ThrowIfNull(target);
        var missing = needs.Where(n => !target.Capabilities.Contains(n)).ToList();
        return missing.Count == 0 ? null : $"The target '{target.Name}' lacks {string.Join(", ", missing)} (needed by this scenario).";
    }
}
