namespace AuthorizerConformance.Cli.Tests;

/// <summary>Runs the <c>authz</c> entry point in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
