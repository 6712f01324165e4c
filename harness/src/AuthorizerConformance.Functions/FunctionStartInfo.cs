namespace AuthorizerConformance.Functions;

/// <summary>What it takes to start a function named by a profile's <c>function</c> string.</summary>
/// <param name="Function">The function string: <c>node:&lt;file&gt;[#export]</c>, <c>python:&lt;file&gt;#&lt;function&gt;</c>,
/// <c>command:&lt;command line&gt;</c> or <c>dotnet:&lt;assembly&gt;::&lt;Namespace.Type&gt;::&lt;Method&gt;</c>.</param>
/// <param name="BaseDirectory">Relative paths in <paramref name="Function"/> resolve against it (the profile file's folder).</param>
/// <param name="Environment">The function's environment: the profile's <c>environment</c> plus the run's generated secrets.</param>
/// <param name="Timeout">The function's configured timeout (Lambda's), used when an invocation names none.</param>
/// <param name="PoolSize">How many warm execution environments may run at once.</param>
public sealed record FunctionStartInfo(
    string Function,
    string BaseDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    int PoolSize = 2);
