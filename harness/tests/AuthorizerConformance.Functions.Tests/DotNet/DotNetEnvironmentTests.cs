using System.Text.Json;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>The function's environment is the process's while its host runs; conflicting hosts are refused.</summary>
public class DotNetEnvironmentTests
{
    private static readonly string Function = DotNetFixture.Function("StreamHandlers", "Environment");

    [Fact]
    public async Task The_handler_reads_its_environment_and_the_previous_value_comes_back_when_the_host_stops()
    {
        var name = $"FIXTURE_SECRET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "before");
        try
        {
            await using (var host = DotNetFixture.Start(Function, environment: new Dictionary<string, string> { [name] = "s3cr3t" }))
            {
                Assert.Equal("s3cr3t", Value(await DotNetFixture.Invoke(host, Event(name))));
            }

            Assert.Equal("before", Environment.GetEnvironmentVariable(name));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task A_second_host_with_another_value_is_refused_naming_the_variable_but_never_its_value()
    {
        var name = $"FIXTURE_SECRET_{Guid.NewGuid():N}";
        await using var first = DotNetFixture.Start(Function, environment: new Dictionary<string, string> { [name] = "first-secret" });

        var error = Assert.Throws<FunctionStartException>(() => DotNetFixture.Start(Function, environment: new Dictionary<string, string> { [name] = "second-secret" }));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", error.Message.Replace(name, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("first-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("second-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hosts_that_agree_share_the_variable_until_the_last_one_stops()
    {
        var name = $"FIXTURE_SECRET_{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string> { [name] = "same" };
        var first = DotNetFixture.Start(Function, environment: environment);
        await using (var second = DotNetFixture.Start(Function, environment: environment))
        {
            await first.DisposeAsync();
            Assert.Equal("same", Value(await DotNetFixture.Invoke(second, Event(name))));
        }

        Assert.Null(Environment.GetEnvironmentVariable(name));
    }

    [Fact]
    public async Task An_empty_value_requires_the_variable_absent()
    {
        var name = $"FIXTURE_SECRET_{Guid.NewGuid():N}";
        await using var unset = DotNetFixture.Start(Function, environment: new Dictionary<string, string> { [name] = string.Empty });

        Assert.Null(Value(await DotNetFixture.Invoke(unset, Event(name))));
        Assert.Throws<FunctionStartException>(() => DotNetFixture.Start(Function, environment: new Dictionary<string, string> { [name] = "set" }));
    }

    [Fact]
    public void A_host_that_fails_to_start_gives_its_variables_back()
    {
        var name = $"FIXTURE_SECRET_{Guid.NewGuid():N}";

        Assert.Throws<FunctionStartException>(() => DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Nope"), environment: new Dictionary<string, string> { [name] = "x" }));

        Assert.Null(Environment.GetEnvironmentVariable(name));
    }

    private static string Event(string name) => JsonSerializer.Serialize(new { name });

    private static string? Value(Gateway.AuthorizerInvocation outcome)
    {
        using var document = JsonDocument.Parse(DotNetFixture.Returned(outcome));
        return document.RootElement.GetProperty("value").GetString();
    }
}
