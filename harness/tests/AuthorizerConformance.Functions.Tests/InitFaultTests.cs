using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.Tests;

/// <summary>
/// Every fault of a function's start and init is a clear, bounded outcome, reported as Lambda reports it to API Gateway
/// (notes/lambda-runtime-api.md §2), never a hang and never a pass; after it a fresh process takes the next invocation.
/// </summary>
public sealed class InitFaultTests
{
    [Theory]
    [InlineData("throw new Error('AUTH_TOKEN_SALT is not set'); export const handler = async () => null;", "Error", "AUTH_TOKEN_SALT is not set")]
    [InlineData("import 'missing-package-xyz'; export const handler = async () => null;", "Runtime.ImportModuleError", "Cannot find package 'missing-package-xyz'")]
    [InlineData("export const handler = async () => { return 1 +; };", "Runtime.UserCodeSyntaxError", "SyntaxError")]
    [InlineData("export const other = async () => null;", "Runtime.HandlerNotFound", "auth.mjs#handler is undefined or not exported")]
    [InlineData("export const handler = 'not a function';", "Runtime.HandlerNotFound", "auth.mjs#handler is not a function")]
    public async Task An_init_error_is_the_invocations_error_and_every_invocation_retries_init(string code, string type, string message)
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", code);
        var host = functions.Start("node:auth.mjs#handler");

        var first = (await Invoked.Run(host)).Error;
        var second = (await Invoked.Run(host)).Error;

        Assert.Equal(type, first.Type);
        Assert.Contains(message, first.Message, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }
    [Fact]
    public async Task A_process_that_never_polls_is_an_init_timeout_and_after_two_the_host_stops_retrying()
    {
        await using var functions = new TestFunctions();
        functions.Write("bootstrap", "#!/bin/sh\necho 'listening on my own port instead'\nexec sleep 60\n");
        var host = functions.Start("command:./bootstrap", limits: TestFunctions.Limits with { InitTimeout = TimeSpan.FromMilliseconds(500) });

        var first = await Invoked.Run(host);
        var second = await Invoked.Run(host);
        var third = await Invoked.Run(host);

        Assert.Equal("Sandbox.Timedout", first.Error.Type);
        Assert.Contains("Init phase timed out after 0.50 seconds", first.Error.Message, StringComparison.Ordinal);
        Assert.Contains("never called GET /2018-06-01/runtime/invocation/next", first.Error.Message, StringComparison.Ordinal);
        Assert.Contains("listening on my own port instead", first.Log, StringComparison.Ordinal);
        Assert.Equal("Sandbox.Timedout", second.Error.Type);
        Assert.Equal(second.Outcome, third.Outcome);
        Assert.Contains("not started again", third.Log, StringComparison.Ordinal);
    }
    [Fact]
    public async Task A_process_that_exits_in_init_without_reporting_is_Runtime_ExitError()
    {
        await using var functions = new TestFunctions();
        functions.Write("bootstrap", "#!/bin/sh\necho 'missing config' >&2\nexit 7\n");

        var invoked = await Invoked.Run(functions.Start("command:./bootstrap"));

        Assert.Equal("Runtime.ExitError", invoked.Error.Type);
        Assert.EndsWith("Error: Runtime exited with error: exit status 7", invoked.Error.Message, StringComparison.Ordinal);
        Assert.Contains("missing config", invoked.Log, StringComparison.Ordinal);
    }
    [Fact]
    public async Task An_executable_that_cannot_be_started_is_Runtime_InvalidEntrypoint()
    {
        await using var functions = new TestFunctions();

        var invoked = await Invoked.Run(functions.Start("command:no-such-runtime-on-path-9f2c"));

        Assert.Equal("Runtime.InvalidEntrypoint", invoked.Error.Type);
        Assert.Contains("no-such-runtime-on-path-9f2c", invoked.Error.Message, StringComparison.Ordinal);
    }
}
