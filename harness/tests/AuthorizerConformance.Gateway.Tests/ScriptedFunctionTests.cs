using System.Text;

namespace AuthorizerConformance.Gateway.Tests;

public class ScriptedFunctionTests
{
    private static ScriptedAuthorizerFunction Function(string outcomes)
    {
        var definition = new AuthorizerDefinition { Name = "A", Type = AuthorizerType.Token, Function = Kit.Parse($$"""{"kind": "scripted", "outcomes": {{outcomes}} }""") };
        var resolution = AuthorizerFunctionResolver.CreateDefault().Resolve(new FunctionSpec(definition.Function, "authorizers.A.function", definition, TimeProvider.System));
        Assert.Null(resolution.Error);
        return (ScriptedAuthorizerFunction)resolution.Function!;
    }

    private static async Task<AuthorizerInvocation> Invoke(ScriptedAuthorizerFunction function, string json = """{"methodArn": "arn:aws:execute-api:r:1:a/s/GET/x"}""") =>
        await function.InvokeAsync(Encoding.UTF8.GetBytes(json), TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Outcomes_are_used_in_order_and_the_last_repeats()
    {
        var f = Function("""[{"error": "Unauthorized"}, {"timeout": true}, {"return": {"a": 1}}]""");
        Assert.IsType<AuthorizerInvocation.FunctionError>(await Invoke(f));
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<AuthorizerInvocation.TimedOut>(await Invoke(f)).Timeout);
        Assert.IsType<AuthorizerInvocation.Returned>(await Invoke(f));
        Assert.IsType<AuthorizerInvocation.Returned>(await Invoke(f));
        Assert.Equal(4, f.ReceivedEvents.Count);
    }

    [Fact]
    public async Task Placeholders_are_replaced_by_the_incoming_arn()
    {
        var f = Function("""[{"return": {"m": "${methodArn}", "r": "${routeArn}"}}]""");
        var returned = Assert.IsType<AuthorizerInvocation.Returned>(await Invoke(f));
        Assert.Equal("""{"m": "arn:aws:execute-api:r:1:a/s/GET/x", "r": "arn:aws:execute-api:r:1:a/s/GET/x"}""", Encoding.UTF8.GetString(returned.ResponseJson.Span));
        var v2 = Function("""[{"return": "${routeArn}"}]""");
        var fromRoute = Assert.IsType<AuthorizerInvocation.Returned>(await Invoke(v2, """{"routeArn": "arn:x"}"""));
        Assert.Equal("\"arn:x\"", Encoding.UTF8.GetString(fromRoute.ResponseJson.Span));
    }

    [Fact]
    public async Task Return_null_means_the_function_returned_json_null()
    {
        var returned = Assert.IsType<AuthorizerInvocation.Returned>(await Invoke(Function("""[{"return": null}]""")));
        Assert.Equal("null", Encoding.UTF8.GetString(returned.ResponseJson.Span));
    }

    [Fact]
    public void Bad_outcomes_are_errors_with_their_path()
    {
        var definition = new AuthorizerDefinition { Name = "A", Type = AuthorizerType.Token, Function = Kit.Parse("""{"kind": "scripted", "outcomes": [{"return": 1, "error": "x"}]}""") };
        var resolution = AuthorizerFunctionResolver.CreateDefault().Resolve(new FunctionSpec(definition.Function, "authorizers.A.function", definition, TimeProvider.System));
        Assert.Equal("authorizers.A.function.outcomes[0]", resolution.Error!.Path);
        var unknown = AuthorizerFunctionResolver.CreateDefault().Resolve(new FunctionSpec(Kit.Parse("""{"kind": "lambda"}"""), "authorizers.A.function", definition, TimeProvider.System));
        Assert.Equal("authorizers.A.function.kind", unknown.Error!.Path);
    }

    [Fact]
    public async Task HTTP_9_reset_authorizers_cache_forces_a_new_invocation()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        await kit.Token();
        kit.Gateway.ResetAuthorizersCache();
        Assert.False((await kit.Token()).CacheHit);
        Assert.Equal(2, kit.Invocations());
    }
}
