using System.Text;
using AuthorizerConformance.Functions.DotNet;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>The handler's log — LambdaLogger, context.Logger, the console — goes to the invoking scenario's writer.</summary>
public class DotNetLogTests
{
    [Fact]
    public async Task Every_log_channel_of_a_dotnet_function_reaches_the_invocations_log()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Logs"));
        using var log = new StringWriter();

        DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}", log));

        Assert.Equal(
            ["static-logger line", "[Warning] static-leveled line", "context-log line", "[Information] context-information line",
                "[Error] context-error 7", "System.InvalidOperationException: key store down", "console-out line", "console-error line"],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Parallel_invocations_keep_their_logs_apart()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "EchoAsync"), poolSize: 2);
        using var first = new StringWriter();
        using var second = new StringWriter();

        await Task.WhenAll(
            host.InvokeAsync(Encoding.UTF8.GetBytes("{\"a\":1}"), TimeSpan.FromSeconds(3), first, TestContext.Current.CancellationToken).AsTask(),
            host.InvokeAsync(Encoding.UTF8.GetBytes("{\"bb\":22}"), TimeSpan.FromSeconds(3), second, TestContext.Current.CancellationToken).AsTask());

        Assert.StartsWith("echoed 7 bytes for ", first.ToString(), StringComparison.Ordinal);
        Assert.Single(first.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("echoed 9 bytes for ", second.ToString(), StringComparison.Ordinal);
        Assert.Single(second.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Console_output_goes_to_the_running_invocations_log_and_otherwise_where_it_went_before()
    {
        using var before = new StringWriter();
        using var invocation = new StringWriter();
        using var console = new ConsoleCapture.RoutingWriter(before);
        var log = new InvocationLog(invocation);

        console.WriteLine("harness line");
        InvocationLog.Current = log;
        console.WriteLine("handler line");
        InvocationLog.Current = null;

        Assert.Equal("harness line" + Environment.NewLine, before.ToString());
        Assert.Equal("handler line" + Environment.NewLine, invocation.ToString());
    }

    [Fact]
    public void Writes_after_the_invocation_ended_are_dropped_and_counted()
    {
        using var writer = new StringWriter();
        var log = new InvocationLog(writer);

        log.WriteLine("during");
        log.Close();
        log.WriteLine("after");

        Assert.Equal("during" + Environment.NewLine, writer.ToString());
        Assert.Equal(1, log.Dropped);
    }
}
