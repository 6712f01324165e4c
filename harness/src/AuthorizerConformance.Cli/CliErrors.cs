namespace AuthorizerConformance.Cli;

/// <summary>Turns a <see cref="UsageException"/> into a message on stderr and exit code 2.</summary>
internal static class CliErrors
{
    public static int Guard(TextWriter stderr, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"authz: {e.Message}");
            return Program.UsageError;
        }
    }

    public static async Task<int> GuardAsync(TextWriter stderr, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return 0;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"authz: {e.Message}").ConfigureAwait(false);
            return Program.UsageError;
        }
    }
}
