using AuthorizerConformance.Functions;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// Builds the target for a profile by the kind of its <c>function</c> string: <c>reference</c> (the built-in reference
/// authorizer) and the function hosts' prefixes (<c>node:</c>, <c>python:</c>, <c>command:</c>, <c>dotnet:</c>).
/// Later kinds register here (issue 12's <c>test-invoke:</c>).
/// </summary>
public static class ProfileFunctionKinds
{
    /// <summary>Builds the target of a profile whose function has a registered prefix.</summary>
    public delegate IConformanceTarget TargetFactory(AuthorizerProfile profile, RunKeys keys);

    private static readonly Lock Gate = new();
    private static readonly List<(string Prefix, TargetFactory Create)> Kinds = Defaults();

    /// <summary>The registered prefixes (<c>reference</c> matches exactly).</summary>
    public static IReadOnlyList<string> Prefixes
    {
        get
        {
            lock (Gate)
                return [.. Kinds.Select(k => k.Prefix)];
        }
    }

    /// <summary>Registers a function kind; <paramref name="prefix"/> ends with <c>:</c> (e.g. <c>test-invoke:</c>).</summary>
    public static void Register(string prefix, TargetFactory create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(create);
        if (!prefix.EndsWith(':'))
            throw new ArgumentException("a function kind prefix ends with ':'", nameof(prefix));
        lock (Gate)
        {
            if (Kinds.Any(k => k.Prefix == prefix))
                throw new ArgumentException($"the function kind \"{prefix}\" is already registered", nameof(prefix));
            Kinds.Add((prefix, create));
        }
    }

    /// <summary>Why <paramref name="function"/> names no registered kind, or null when it does.</summary>
    public static string? Problem(string function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (Find(function) is null)
            return $"\"{function}\" has no known kind; expected \"{AuthorizerProfile.ReferenceFunction}\" or a string starting with one of {string.Join(", ", Prefixes.Where(p => p.EndsWith(':')))}";
        return Find(function)!.Value.Prefix.EndsWith(':') && function.Length == Find(function)!.Value.Prefix.Length
            ? $"\"{function}\" names no function after its kind"
            : null;
    }

    /// <summary>The target for <paramref name="profile"/>.</summary>
    public static IConformanceTarget CreateTarget(AuthorizerProfile profile, RunKeys keys)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var kind = Find(profile.Function) ?? throw new ProfileException($"{profile.SourceFile ?? profile.Name}: $.function: {Problem(profile.Function)}");
        return kind.Create(profile, keys);
    }

    private static (string Prefix, TargetFactory Create)? Find(string function)
    {
        lock (Gate)
        {
            foreach (var kind in Kinds)
            {
                if (kind.Prefix.EndsWith(':') ? function.StartsWith(kind.Prefix, StringComparison.Ordinal) : function == kind.Prefix)
                    return kind;
            }
        }
        return null;
    }

    private static List<(string, TargetFactory)> Defaults()
    {
        List<(string, TargetFactory)> kinds = [(AuthorizerProfile.ReferenceFunction, (profile, _) => new ReferenceTarget(profile))];
        foreach (var prefix in FunctionHosts.Kinds)
            kinds.Add((prefix, (profile, keys) => new FunctionHostTarget(profile, keys)));
        return kinds;
    }
}
