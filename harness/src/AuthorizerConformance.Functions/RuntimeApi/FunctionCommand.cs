namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// What a <c>node:</c>, <c>python:</c> or <c>command:</c> function string starts: the executable, its arguments,
/// the <c>_HANDLER</c> it is given and its task root (the working directory and <c>LAMBDA_TASK_ROOT</c>).
/// </summary>
/// <param name="Name">The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>): the handler file's or executable's name.</param>
/// <param name="ExecutionEnv"><c>AWS_EXECUTION_ENV</c> of the managed runtime this emulates; null for a custom runtime.</param>
internal sealed record FunctionCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    string? Handler,
    string TaskRoot,
    string Name,
    string? ExecutionEnv)
{
    /// <summary>The folder the node/ and python/ bootstraps are copied to, beside this assembly.</summary>
    public static string BootstrapDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "bootstraps");

    /// <summary>Parses <paramref name="function"/> (prefix included); relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="FunctionStartException">The string is malformed or names a file that is not there.</exception>
    public static FunctionCommand Parse(string function, string baseDirectory)
    {
        if (function.StartsWith("node:", StringComparison.Ordinal))
        {
            var (file, export) = FileAndExport(function, "node:", "handler");
            return new(RuntimeExecutable("node"), [Path.Combine(BootstrapDirectory, "node", "bootstrap.mjs")],
                $"{file}#{export}", Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file), "AWS_Lambda_nodejs20.x");
        }
        if (function.StartsWith("python:", StringComparison.Ordinal))
        {
            var (file, export) = FileAndExport(function, "python:", null);
            return new(RuntimeExecutable(OperatingSystem.IsWindows() ? "python" : "python3"), ["-u", Path.Combine(BootstrapDirectory, "python", "bootstrap.py")],
                $"{file}#{export}", Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file), "AWS_Lambda_python3.11");
        }
        if (function.StartsWith("command:", StringComparison.Ordinal))
        {
            IReadOnlyList<string> words;
            try
            {
                words = CommandLine.Split(function["command:".Length..]);
            }
            catch (FunctionStartException e)
            {
                throw new FunctionStartException($"function \"{function}\": {e.Message}", e);
            }
            if (words.Count == 0)
                throw new FunctionStartException($"function \"{function}\": the command line is empty; expected e.g. command:./bootstrap");
            var executable = words[0].Contains('/', StringComparison.Ordinal) || words[0].Contains('\\', StringComparison.Ordinal)
                ? ExistingFile(function, Path.GetFullPath(words[0], baseDirectory))
                : words[0];
            return new(executable, words.Skip(1).ToList(), null, Path.GetFullPath(baseDirectory), Path.GetFileNameWithoutExtension(executable), null);
        }
        throw new FunctionStartException($"function \"{function}\" is not run through the Lambda Runtime API host");

        (string File, string Export) FileAndExport(string text, string prefix, string? defaultExport)
        {
            var rest = text[prefix.Length..];
            var hash = rest.LastIndexOf('#');
            var path = hash < 0 ? rest : rest[..hash];
            var export = hash < 0 ? defaultExport : rest[(hash + 1)..];
            if (path.Length == 0)
                throw new FunctionStartException($"function \"{text}\": no file; expected {prefix}<file>{(defaultExport is null ? "#<function>" : "[#export]")}");
            if (string.IsNullOrEmpty(export))
                throw new FunctionStartException($"function \"{text}\": no function name after the file; expected {prefix}<file>#<function>, e.g. {prefix}{path}#handler");
            if (!IsIdentifierPath(export))
                throw new FunctionStartException($"function \"{text}\": \"{export}\" is not a name (letters, digits, _ and $, dots between names)");
            return (ExistingFile(text, Path.GetFullPath(path, baseDirectory)), export);
        }
    }

    private static string ExistingFile(string function, string path) =>
        File.Exists(path) ? path : throw new FunctionStartException($"function \"{function}\": file not found: {path}");

    private static bool IsIdentifierPath(string export) =>
        export.Split('.').All(part => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$'));

    /// <summary>The runtime's interpreter, found on PATH when the host starts it (an override for tests and odd machines: AUTHZ_NODE, AUTHZ_PYTHON).</summary>
    private static string RuntimeExecutable(string name) =>
        Environment.GetEnvironmentVariable(name == "node" ? "AUTHZ_NODE" : "AUTHZ_PYTHON") is { Length: > 0 } overridden ? overridden : name;
}
