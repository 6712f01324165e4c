using System.Text;
using System.Text.Json;
using AuthorizerConformance.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>
/// A handler past its deadline is a timeout, never a hang; its environment is replaced (fresh statics, as Lambda
/// replaces a timed-out sandbox); runaway threads cannot be killed, so too many of them make the host refuse.
/// </summary>
public sealed class DotNetTimeoutTests : IDisposable
{
    private readonly string _release = Path.Combine(Path.GetTempPath(), $"release-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    public void Dispose()
    {
        File.WriteAllText(_release, string.Empty); // lets the runaway handler threads finish
        Thread.Sleep(50);
        File.Delete(_release);
    }

    [Fact]
    public async Task A_handler_past_its_deadline_times_out_and_the_next_call_runs_in_another_environment()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Hang"), _time, poolSize: 2);
        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));
        Assert.Equal("{\"calls\":2}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));

        var hanging = Hang(host, TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(new AuthorizerInvocation.TimedOut(TimeSpan.FromSeconds(2)), await hanging);
        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));
    }

    [Fact]
    public async Task A_timed_out_environment_is_replaced_by_a_newly_loaded_one()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Hang"), _time, poolSize: 2);
        var timedOut = Hang(host, TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<AuthorizerInvocation.TimedOut>(await timedOut);
        var secondRelease = _release + "-second";
        var held = host.InvokeAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { waitFor = secondRelease })), TimeSpan.FromSeconds(30), TextWriter.Null, TestContext.Current.CancellationToken);

        // Both environments of the pool are taken (one overran, one is held): this call gets a new one, loaded afresh.
        var replacement = await DotNetFixture.Invoke(host, "{}");
        await File.WriteAllTextAsync(secondRelease, string.Empty, TestContext.Current.CancellationToken);

        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(replacement));
        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(await held));
        File.Delete(secondRelease);
    }

    [Fact]
    public async Task Once_as_many_handlers_overran_as_the_pool_is_large_the_host_refuses_with_a_clear_error()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Hang"), _time);
        var hanging = Hang(host, TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<AuthorizerInvocation.TimedOut>(await hanging);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DotNetFixture.Invoke(host, "{}"));

        Assert.Contains("1 invocation(s) overran their deadline and are still running", error.Message, StringComparison.Ordinal);
        Assert.Contains(host.Function, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_accepts_calls_again_once_the_runaway_handler_finished()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Hang"), _time);
        var hanging = Hang(host, TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<AuthorizerInvocation.TimedOut>(await hanging);

        await File.WriteAllTextAsync(_release, string.Empty, TestContext.Current.CancellationToken);

        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(await Eventually(() => DotNetFixture.Invoke(host, "{}"))));
    }

    [Fact]
    public async Task A_timeout_of_zero_means_the_functions_configured_timeout()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Hang"), _time);

        var hanging = Hang(host, TimeSpan.Zero);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(hanging.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new AuthorizerInvocation.TimedOut(TimeSpan.FromSeconds(3)), await hanging);
    }

    [Fact]
    public async Task Cancelling_the_caller_abandons_the_invocation_and_throws()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Hang"), _time);
        using var cancel = new CancellationTokenSource();

        var hanging = host.InvokeAsync(WaitEvent(), TimeSpan.FromSeconds(3), TextWriter.Null, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
    }

    private Task<AuthorizerInvocation> Hang(IFunctionHost host, TimeSpan timeout) =>
        host.InvokeAsync(WaitEvent(), timeout, TextWriter.Null, TestContext.Current.CancellationToken).AsTask();

    private byte[] WaitEvent() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { waitFor = _release }));

    // The runaway thread polls for the release file every 10 ms; give it a bounded while to notice.
    private static async Task<AuthorizerInvocation> Eventually(Func<Task<AuthorizerInvocation>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (InvalidOperationException) when (attempt < 200)
            {
                await Task.Delay(25, TestContext.Current.CancellationToken);
            }
        }
    }
}
