namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// A <c>dotnet:</c> function string, <c>dotnet:&lt;assembly&gt;::&lt;Namespace.Type&gt;::&lt;Method&gt;</c>: Lambda's .NET handler
/// string behind our prefix. Split as Amazon.Lambda.RuntimeSupport splits it (<c>HandlerInfo</c>): on <c>::</c> into
/// three parts, each trimmed and non-empty; the method part keeps any further <c>::</c>.
/// </summary>
internal sealed record DotNetHandlerString(string Function, string Assembly, string TypeName, string MethodName)
{
    public const string Prefix = "dotnet:";
    private const string Separator = "::";
    private const string Format = "dotnet:ASSEMBLY::TYPE::METHOD";

    /// <exception cref="FunctionStartException">The string is not of that form; the message says which part is missing.</exception>
    public static DotNetHandlerString Parse(string function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (!function.StartsWith(Prefix, StringComparison.Ordinal))
            throw Invalid(function, $"it does not start with \"{Prefix}\"");
        var parts = function[Prefix.Length..].Split(Separator, 3);
        if (parts.Length != 3)
            throw Invalid(function, "it has fewer than three parts");
        string[] names = ["assembly", "type", "method"];
        for (var i = 0; i < 3; i++)
        {
            parts[i] = parts[i].Trim();
            if (parts[i].Length == 0)
                throw Invalid(function, $"the {names[i]} is missing");
        }
        return new DotNetHandlerString(function, parts[0], parts[1], parts[2]);
    }

    private static FunctionStartException Invalid(string function, string why) =>
        new($"function \"{function}\": invalid Lambda .NET handler string, {why}; the valid format is '{Format}'");
}
