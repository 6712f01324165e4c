using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.Tests;

/// <summary>
/// Every fault of a function's process is a clear, bounded outcome, reported as Lambda reports it to API Gateway
/// (notes/lambda-runtime-api.md §2), never a hang and never a pass; after it a fresh process takes the next invocation.
/// </summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

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
    public async Task A_crash_mid_invocation_is_Runtime_ExitError_and_a_fresh_process_takes_the_next()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", """
            let count = 0;
            export const handler = async (event) => { count++; if (event.crash) { console.log('crashing'); process.exit(3); } return count; };
            """);
        var host = functions.Start("node:auth.mjs#handler", poolSize: 1);
        Assert.Equal("1", (await Invoked.Run(host, "{}")).Body);

        var crashed = await Invoked.Run(host, """{"crash":true}""");
        var after = await Invoked.Run(host, "{}");

        Assert.Equal("Runtime.ExitError", crashed.Error.Type);
        Assert.Matches("^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3$", crashed.Error.Message);
        Assert.Contains("crashing", crashed.Log, StringComparison.Ordinal);
        Assert.Equal("1", after.Body);
    }

    [Fact]
    public async Task A_warm_process_that_died_between_invocations_is_replaced_before_the_next_event()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", """
            let count = 0;
            export const handler = async (event) => { if (event.exitAfter) setTimeout(() => process.exit(0), 10); return { pid: process.pid, count: ++count }; };
            """);
        var host = functions.Start("node:auth.mjs#handler", poolSize: 1);
        var pid = (await Invoked.Run(host, """{"exitAfter":true}""")).Json.GetProperty("pid").GetInt32();
        // Gone means reaped: its sockets are closed and its exit is seen (Linux /proc; elsewhere a short fixed wait).
        for (var i = 0; i < 250 && (OperatingSystem.IsLinux() ? Directory.Exists($"/proc/{pid}") : i < 25); i++)
            await Task.Delay(20, TestContext.Current.CancellationToken);

        var next = await Invoked.Run(host, "{}");

        Assert.Equal(1, next.Json.GetProperty("count").GetInt32());
        Assert.NotEqual(pid, next.Json.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task A_process_killed_by_a_signal_names_the_signal()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "export const handler = async () => { process.kill(process.pid, 'SIGKILL'); await new Promise(() => {}); };");

        var error = (await Invoked.Run(functions.Start("node:auth.mjs#handler"))).Error;

        Assert.Equal("Runtime.ExitError", error.Type);
        Assert.EndsWith("Error: Runtime exited with error: signal: killed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passed_deadline_is_a_timeout_the_process_is_killed_and_a_fresh_one_answers_next()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", """
            let count = 0;
            export const handler = async (event) => { count++; if (event.hang) { setInterval(() => {}, 1000); await new Promise(() => {}); } return count; };
            """);
        var host = functions.Start("node:auth.mjs#handler", poolSize: 1);
        Assert.Equal("1", (await Invoked.Run(host, "{}")).Body);

        var hung = await Invoked.Run(host, """{"hang":true}""", Short);
        var after = await Invoked.Run(host, "{}");

        Assert.Equal(new AuthorizerInvocation.TimedOut(Short), hung.Outcome);
        Assert.Contains("Task timed out after 1.00 seconds", hung.Log, StringComparison.Ordinal);
        Assert.Equal("1", after.Body);
    }

    [Fact]
    public async Task The_functions_own_timeout_caps_a_longer_gateway_timeout()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "export const handler = () => new Promise(() => setInterval(() => {}, 1000));");
        var host = functions.Start("node:auth.mjs#handler", timeout: Short);

        var hung = await Invoked.Run(host, "{}", TimeSpan.FromSeconds(30));

        Assert.Equal(new AuthorizerInvocation.TimedOut(Short), hung.Outcome);
    }

    [Fact]
    public async Task A_response_over_6_MB_is_Function_ResponseSizeTooLarge_and_the_process_stays_warm()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", """
            let count = 0;
            export const handler = async (event) => { count++; return event.big ? 'x'.repeat(6291557) : count; };
            """);
        var host = functions.Start("node:auth.mjs#handler", poolSize: 1);

        var big = await Invoked.Run(host, """{"big":true}""");
        var after = await Invoked.Run(host, "{}");

        Assert.Equal(new AuthorizerInvocation.FunctionError(
            "Response payload size (6291559 bytes) exceeded maximum allowed payload size (6291556 bytes).", "Function.ResponseSizeTooLarge"), big.Outcome);
        Assert.Contains("413", big.Log + after.Log, StringComparison.Ordinal);
        Assert.Equal("2", after.Body);
    }

    [Fact]
    public async Task A_response_of_exactly_the_limit_passes()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "export const handler = async () => 'x'.repeat(6291554);");

        var invoked = await Invoked.Run(functions.Start("node:auth.mjs#handler"));

        Assert.Equal(6_291_556, invoked.Body.Length);
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

    [Fact]
    public async Task A_response_that_is_not_JSON_passes_through_for_the_gateway_to_judge()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "export const handler = async () => undefined;");
        functions.Write("raw.mjs", "export const handler = async () => Buffer.from('x');");

        Assert.Equal("null", (await Invoked.Run(functions.Start("node:auth.mjs#handler"))).Body);
        Assert.Equal("""{"type":"Buffer","data":[120]}""", (await Invoked.Run(functions.Start("node:raw.mjs#handler"))).Body);
    }

    [Fact]
    public async Task An_event_the_caller_cancels_kills_the_process_and_throws()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "export const handler = () => new Promise(() => setInterval(() => {}, 1000));");
        var host = functions.Start("node:auth.mjs#handler");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await host.InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(20), TextWriter.Null, cancel.Token));
    }
}
