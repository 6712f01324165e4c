using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// Picks the target the features run against, without editing them: <see cref="AuthorizerProfile.EnvironmentVariable"/>
/// (AUTHZ_PROFILE) names a profile file; otherwise <see cref="EnvironmentVariable"/> (AUTHZ_TARGET) names a built-in
/// target (default <c>reference</c>).
/// </summary>
public static class ConformanceTargets
{
    /// <summary>Selects a built-in target by name.</summary>
    public const string EnvironmentVariable = "AUTHZ_TARGET";

    private static readonly Dictionary<string, Func<IConformanceTarget>> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [ReferenceTarget.TargetName] = () => new ReferenceTarget(),
    };

    /// <summary>The built-in target named by <paramref name="name"/> (null or empty: the reference authorizer).</summary>
    /// <exception cref="ArgumentException">No target has that name; the message lists the available ones.</exception>
    public static IConformanceTarget Select(string? name)
    {
        if (SelectsReference(name))
            return new ReferenceTarget();
        return Known.TryGetValue(name.Trim(), out var create)
            ? create()
            : throw new ArgumentException($"{EnvironmentVariable}='{name}' names no target; available: {string.Join(", ", Known.Keys)}.", nameof(name));
    }

    /// <summary>Whether <paramref name="name"/> (AUTHZ_TARGET's value) selects the built-in reference authorizer: unset, empty
    /// or its name in any case.</summary>
    public static bool SelectsReference([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? name) =>
        string.IsNullOrWhiteSpace(name) || string.Equals(name.Trim(), ReferenceTarget.TargetName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The target for a profile, by the kind of its function.</summary>
    public static IConformanceTarget FromProfile(AuthorizerProfile profile, RunKeys keys) => ProfileFunctionKinds.CreateTarget(profile, keys);

    /// <summary>The target the environment selects: the AUTHZ_PROFILE file's, else the AUTHZ_TARGET one.</summary>
    /// <exception cref="ProfileException">AUTHZ_PROFILE names a missing or invalid profile (the message lists every error).</exception>
    public static IConformanceTarget FromEnvironment(RunKeys keys)
    {
        var profile = Environment.GetEnvironmentVariable(AuthorizerProfile.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(profile)
            ? Select(Environment.GetEnvironmentVariable(EnvironmentVariable))
            : FromProfile(AuthorizerProfile.Load(ResolveFromShell(profile.Trim())).OrThrow(), keys);
    }

    /// <summary>The run's keys for the environment's profile (<see cref="RunKeys.For"/>): fresh keys, or the user's own for a
    /// deployed authorizer.</summary>
    /// <exception cref="ProfileException">AUTHZ_PROFILE names a missing or invalid profile, or a key variable it names is unset.</exception>
    public static RunKeys KeysFromEnvironment()
    {
        var profile = Environment.GetEnvironmentVariable(AuthorizerProfile.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(profile) ? RunKeys.FromEnvironment() : RunKeys.For(AuthorizerProfile.Load(ResolveFromShell(profile.Trim())).OrThrow());
    }

    /// <summary>
    /// A relative AUTHZ_PROFILE path is relative to the directory the user ran the command in. <c>dotnet test</c> starts
    /// the test process in the build output folder, so that directory is the shell's <c>PWD</c> (inherited through
    /// <c>dotnet test</c>) when the file is there, else the process's current directory.
    /// </summary>
    public static string ResolveFromShell(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
            return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        if (!string.IsNullOrEmpty(shell) && Path.IsPathRooted(shell) && File.Exists(Path.Combine(shell, path)))
            return Path.Combine(shell, path);
        return Path.GetFullPath(path);
    }

    /// <summary>Why a scenario needing <paramref name="needs"/> cannot run on <paramref name="target"/>, or null when it can.</summary>
    public static string? SkipReason(IConformanceTarget target, IEnumerable<string> needs)
    {
        ArgumentNullException.ThrowIfNull(target);
        var missing = needs.Where(n => !target.Capabilities.Contains(n)).ToList();
        if (missing.Count == 0)
            return null;
        // How to enable them, only when every missing one can be: advice that cannot make the scenario run would mislead.
        var how = missing.Select(target.HowToEnable).ToList();
        return $"The target '{target.Name}' lacks {string.Join(", ", missing)} (needed by this scenario)." + (how.All(h => h is not null) ? " " + string.Join(" ", how) : "");
    }
}
