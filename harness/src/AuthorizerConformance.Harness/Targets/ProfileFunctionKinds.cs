using AuthorizerConformance.Functions;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// Builds the target for a profile by the kind of its <c>function</c> string: <c>reference</c> (the built-in reference
/// authorizer), the function hosts' prefixes (<c>node:</c>, <c>python:</c>, <c>command:</c>, <c>dotnet:</c>) and the
/// deployed authorizers (<c>test-invoke:&lt;restApiId&gt;/&lt;authorizerId&gt;</c>, <c>stage:&lt;invoke URL&gt;</c>).
/// Later kinds register here.
/// </summary>
public static class ProfileFunctionKinds
{
    /// <summary>A deployed authorizer reached through TestInvokeAuthorizer: <c>test-invoke:&lt;restApiId&gt;/&lt;authorizerId&gt;</c>.</summary>
    public const string TestInvokePrefix = "test-invoke:";

    /// <summary>A deployed stage reached at its invoke URL: <c>stage:https://{apiId}.execute-api.{region}.amazonaws.com/{stage}</c>
    /// or a custom domain's URL.</summary>
    public const string StagePrefix = "stage:";

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

    /// <summary>Whether <paramref name="function"/> names a deployed authorizer (the harness can neither start it nor give it keys).</summary>
    public static bool IsDeployed(string function) =>
        function is not null && (function.StartsWith(TestInvokePrefix, StringComparison.Ordinal) || function.StartsWith(StagePrefix, StringComparison.Ordinal));

    /// <summary>Why a deployed <paramref name="function"/> is malformed, or null when it is well formed.</summary>
    public static string? DeployedProblem(string function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.StartsWith(TestInvokePrefix, StringComparison.Ordinal))
            return Deployed.TestInvokeTarget.Parse(function[TestInvokePrefix.Length..]).Problem;
        if (function.StartsWith(StagePrefix, StringComparison.Ordinal))
            return Deployed.DeployedStageTarget.Parse(function[StagePrefix.Length..]).Problem;
        return null;
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
        kinds.Add((TestInvokePrefix, (profile, _) => new Deployed.TestInvokeTarget(profile)));
        kinds.Add((StagePrefix, (profile, _) => new Deployed.DeployedStageTarget(profile)));
        return kinds;
    }
}
