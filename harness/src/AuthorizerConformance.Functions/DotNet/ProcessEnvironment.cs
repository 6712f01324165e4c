namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// The environment of in-process functions. Environment variables belong to the process, so a host sets its
/// function's variables for the process when it starts and restores the previous values when the last host using
/// them stops. Two hosts running at once must agree: a variable another live host set to a different value is a
/// start failure (named, its value never shown). An empty value means "unset" (as
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> treats it), so a host can require a variable absent.
/// </summary>
internal static class ProcessEnvironment
{
    private static readonly Lock s_gate = new();
    private static readonly Dictionary<string, Lease> s_leases = new(StringComparer.Ordinal);

    /// <summary>Sets <paramref name="variables"/> for the process until the returned lease is disposed.</summary>
    /// <exception cref="FunctionStartException">A live in-process host holds one of them with another value.</exception>
    public static IDisposable Acquire(IReadOnlyDictionary<string, string> variables, string function)
    {
        lock (s_gate)
        {
            var conflicts = variables.Where(v => s_leases.TryGetValue(v.Key, out var held) && held.Value != v.Value).Select(v => v.Key).Order(StringComparer.Ordinal).ToList();
            if (conflicts.Count > 0)
                throw new FunctionStartException(
                    $"function \"{function}\": environment variable(s) {string.Join(", ", conflicts)} are set to a different value by another in-process .NET function host that is still running; "
                    + "in-process functions share the process environment, so stop the other host first (or run this function with command:)");
            foreach (var (name, value) in variables)
            {
                if (s_leases.TryGetValue(name, out var held))
                {
                    held.Count++;
                }
                else
                {
                    s_leases[name] = new Lease(value, Environment.GetEnvironmentVariable(name)) { Count = 1 };
                    Environment.SetEnvironmentVariable(name, value.Length == 0 ? null : value);
                }
            }
            return new Release(variables.Keys.ToList());
        }
    }

    private static void Return(IReadOnlyList<string> names)
    {
        lock (s_gate)
        {
            foreach (var name in names)
            {
                var held = s_leases[name];
                if (--held.Count > 0)
                    continue;
                s_leases.Remove(name);
                Environment.SetEnvironmentVariable(name, held.Previous);
            }
        }
    }

    private sealed class Lease(string value, string? previous)
    {
        public string Value { get; } = value;

        public string? Previous { get; } = previous;

        public int Count { get; set; }
    }

    private sealed class Release(IReadOnlyList<string> names) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Return(names);
        }
    }
}
