using System.CommandLine;

namespace AuthorizerConformance.Cli;

/// <summary>
/// The <c>authz</c> command-line front end. Each command group lives in its own file and is added here.
/// Exit codes: 0 when the command ran, 2 on a usage error (System.CommandLine's parse errors included).
/// </summary>
public static class Program
{
    public const int UsageError = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("authz: API Gateway Lambda authorizer conformance tools");
        // Command groups register here, one line each.
        root.Subcommands.Add(PolicyCommands.Create());
        root.Subcommands.Add(TokenCommands.Create());
        root.Subcommands.Add(InvokeCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ScaffoldCommand.Create());

        // No response files: an argument starting with '@' is a tag expression (authz run --tags @smoke), not a file.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine($"authz: {error.Message}");
            stderr.WriteLine("Run 'authz --help' for usage.");
            return UsageError;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Invoke(config);
    }
}
