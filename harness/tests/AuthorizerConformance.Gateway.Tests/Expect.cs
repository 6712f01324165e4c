using System.Text.Json;

namespace AuthorizerConformance.Gateway.Tests;

/// <summary>Assertions on gateway results.</summary>
internal static class Expect
{
    public static void Rejected(GatewayResult result, int status, string failure)
    {
        Assert.Equal(failure, result.Failure);
        Assert.Equal(status, result.Status);
        Assert.False(result.Integration.Invoked, "a denied request never reaches the integration");
    }

    public static void Admitted(GatewayResult result, int status = 200)
    {
        Assert.True(result.Failure is null, $"{result.Failure}: {result.FailureDetail}");
        Assert.Equal(status, result.Status);
        Assert.True(result.Integration.Invoked);
    }

    public static JsonElement Event(GatewayResult result)
    {
        Assert.NotNull(result.Event);
        return Kit.Parse(result.Event);
    }

    public static JsonElement Context(GatewayResult result)
    {
        Assert.NotNull(result.Integration.RequestContext);
        return Kit.Parse(result.Integration.RequestContext);
    }

    public static string[] Names(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name)];
}
