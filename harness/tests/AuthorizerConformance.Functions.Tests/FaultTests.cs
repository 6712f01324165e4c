using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.Tests;

/// <summary>
/// Every fault of a function's process is a clear, bounded outcome, reported as Lambda reports it to API Gateway
/// (notes/lambda-runtime-api.md §2), never a hang and never a pass; after it a fresh process takes the next invocation.
/// </summary>
public sealed class FaultTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

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
