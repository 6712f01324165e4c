using System.Reflection;
using AuthorizerConformance.Functions.DotNet;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Functions.Tests.DotNet;

public class InterfaceProxyTests
{
    public interface ISample
    {
        int Count { get; }

        TimeSpan Span { get; }

        string Describe(string name, int times);

        void Record(object?[] values);

        string WithDefault => "default body";
    }

    public interface IContextWithoutLogger
    {
        string AwsRequestId { get; }

        string FunctionName { get; }

        string FunctionVersion { get; }

        string InvokedFunctionArn { get; }

        string LogGroupName { get; }

        string LogStreamName { get; }

        int MemoryLimitInMB { get; }

        TimeSpan RemainingTime { get; }
    }

    [Fact]
    public void Every_member_default_implemented_ones_included_reaches_the_behaviour_with_its_arguments()
    {
        var calls = new List<string>();
        var sample = (ISample)InterfaceProxy.Create(typeof(ISample), (member, args) =>
        {
            calls.Add($"{member.Name}({string.Join(",", args.Select(a => a is object?[] array ? $"[{array.Length}]" : a))})");
            return member.Name switch
            {
                "get_Count" => 7,
                "get_Span" => TimeSpan.FromSeconds(2),
                "Describe" => $"{args[0]}x{args[1]}",
                "get_WithDefault" => "intercepted",
                _ => null,
            };
        });

        Assert.Equal(7, sample.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), sample.Span);
        Assert.Equal("ax3", sample.Describe("a", 3));
        sample.Record([1, 2]);
        Assert.Equal("intercepted", sample.WithDefault);
        Assert.Equal(["get_Count()", "get_Span()", "Describe(a,3)", "Record([2])", "get_WithDefault()"], calls);
    }

    [Fact]
    public void A_context_interface_missing_a_member_Lambda_checks_is_refused_naming_it()
    {
        var error = Assert.Throws<FunctionStartException>(() => new LambdaContextFactory(
            typeof(IContextWithoutLogger), LambdaFunctionSettings.From(new Dictionary<string, string>()), null, new FakeTimeProvider(), "function \"f\""));

        Assert.Contains("function \"f\": the type", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not have the expected readable property 'Logger' of type 'Amazon.Lambda.Core.ILambdaLogger'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_is_not_a_contract()
    {
        Assert.Throws<ArgumentException>(() => InterfaceProxy.Create(typeof(MethodInfo), (_, _) => null));
    }
}
